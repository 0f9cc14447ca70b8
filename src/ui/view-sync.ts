/**
 * A UI's copy of its tab's view, kept in step with the background's port messages: the whole
 * view, then deltas (src/protocol/view-delta.ts). A delta that does not follow the last
 * message (`seq` gap), or comes before any whole view, is not applied: the UI asks to resync
 * and gets the whole view again. Pure, so it is tested without a browser.
 */
import type { TabView } from '../protocol/ports';
import type { BackgroundToUi } from '../protocol/ports';
import { applyDelta } from '../protocol/view-delta';

/** What a message did to the view. */
export interface Received {
  /** The new view, when it changed. */
  view?: TabView;
  /** A delta could not be applied: ask the background for the whole view. */
  resync?: boolean;
  /**
   * Client message ids the backend now has (delivered or refused for good, in lines that are
   * new or changed): the UI stops re-sending those. A line still pending may not be stored
   * yet (the UI is shown memory), so a reconnect sends it again; the background drops repeats.
   */
  stored: string[];
}

type ViewMessage = Extract<BackgroundToUi, { type: 'view' | 'delta' }>;

/** The view of one port connection (a reconnect starts a new one). */
export class ViewSync {
  private seq = 0;
  private current: TabView | null = null;
  private waitingForView = false;

  /** Takes a `view` or `delta` message. */
  receive(msg: ViewMessage): Received {
    if (msg.type === 'view') {
      this.seq = msg.seq;
      this.current = msg.view;
      this.waitingForView = false;
      return { view: msg.view, stored: idsIn(msg.view.chat?.transcript ?? []) };
    }
    if (!this.current || msg.seq !== this.seq + 1 || msg.head.chat?.id !== this.current.chat?.id) {
      // Ask once; later deltas are dropped until the whole view arrives.
      const resync = !this.waitingForView;
      this.waitingForView = true;
      return { resync, stored: [] };
    }
    if (this.waitingForView) return { stored: [] };
    this.seq = msg.seq;
    this.current = applyDelta(this.current, msg);
    return { view: this.current, stored: idsIn(msg.lines.map(([, entry]) => entry)) };
  }
}

function idsIn(entries: readonly { clientMessageId?: string; delivery?: string }[]): string[] {
  return entries.flatMap((e) => (e.clientMessageId && e.delivery !== 'pending' ? [e.clientMessageId] : []));
}
