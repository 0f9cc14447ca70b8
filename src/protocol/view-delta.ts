/**
 * Deltas of a tab's view (ports.ts): what the background sends a UI after the first whole
 * view, and how the UI applies it. A delta carries the head (everything but the transcript)
 * and only the transcript lines that changed, found by reference: lines are never changed in
 * place, so a line whose object differs from the one last sent is new or updated. Its size
 * follows what changed, not the transcript. No zod: the in-page frame bundles this.
 */
import type { TranscriptEntry } from '../core/chat-session';
import type { TabView, TabViewHead } from './ports';

/** What a UI was last sent, to diff the next view against. */
export interface Sent {
  chatId: string | null;
  lines: readonly TranscriptEntry[];
  /** The head as JSON, without the look: an unchanged head with no new line means there is nothing to send. */
  head: string;
  /** The look last sent (compared by reference: the background hands out the same object until it changes). */
  look?: TabView['look'];
}

/** A delta's content (the port message adds its type and `seq`). */
export interface ViewDelta {
  head: TabViewHead;
  lines: [position: number, entry: TranscriptEntry][];
  length: number;
}

/** A view without its transcript. */
export function headOf(view: TabView): TabViewHead {
  if (!view.chat) return { ...view, chat: null };
  const { transcript: _transcript, ...chat } = view.chat;
  return { ...view, chat };
}

/** How to bring a UI from what it was sent to a new view, and what it was sent after that. */
export type Plan = { next: Sent } & ({ kind: 'full' } | { kind: 'none' } | ({ kind: 'delta' } & ViewDelta));

/**
 * How to bring a UI from what it was sent to `view`: the whole view (first time, or another
 * chat), a delta, or nothing at all when nothing it shows changed.
 */
export function planUpdate(last: Sent | undefined, view: TabView): Plan {
  const { look, ...rest } = headOf(view);
  const lines = view.chat?.transcript ?? [];
  const next: Sent = { chatId: view.chat?.id ?? null, lines, head: JSON.stringify(rest), ...(look ? { look } : {}) };
  if (!last || last.chatId !== next.chatId) return { kind: 'full', next };
  // The look (with its logo) rides along only when it changed: most deltas are one new line.
  const head: TabViewHead = look !== last.look && look ? { ...rest, look } : rest;
  const changed: [number, TranscriptEntry][] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i] !== last.lines[i]) changed.push([i, lines[i]!]);
  if (changed.length === 0 && lines.length === last.lines.length && next.head === last.head && look === last.look) return { kind: 'none', next };
  return { kind: 'delta', head, lines: changed, length: lines.length, next };
}

/** Applies a delta to the view a UI holds (the same chat's); returns the new view. */
export function applyDelta(view: TabView, delta: ViewDelta): TabView {
  const transcript = (view.chat?.transcript ?? []).slice(0, delta.length);
  for (const [position, entry] of delta.lines) if (position >= 0 && position < delta.length) transcript[position] = entry;
  // A delta without a look keeps the one the UI has.
  return { ...(view.look ? { look: view.look } : {}), ...delta.head, chat: delta.head.chat ? { ...delta.head.chat, transcript } : null };
}
