import { recordChat, recordDecline, recordOffer } from '../core/rules/capping';
import { serial } from '../core/serial';
import { newVisitor, recordPageView, type VisitorState } from '../core/rules/visitor';
import type { CappingSettings } from '../core/rules/capping';
import { outcomesItem, visitorItem, type OutcomeRecord } from '../protocol/storage';

/** Outcomes kept; older ones are dropped. */
const MAX_OUTCOMES = 500;

/** Today's local date as `YYYY-MM-DD` (the daily cap counts local days). */
export function localDay(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The visitor's state (capping, visits, page views) and the outcome log. The state lives in
 * memory once read; each change is stored before it resolves. Updates run one at a time so
 * concurrent tabs cannot lose each other's changes.
 */
export class VisitorStore {
  private readonly line = serial();
  private state: VisitorState | undefined;

  /** `onRecord` hears of every outcome once it is in the log (the CRM sync takes them from there). */
  constructor(private readonly now: () => number, private readonly onRecord?: (record: OutcomeRecord) => void) {}

  read(): Promise<VisitorState> {
    return this.line.run(() => this.current());
  }

  private async current(): Promise<VisitorState> {
    this.state ??= (await visitorItem.getValue()) ?? newVisitor(this.now(), localDay(this.now()));
    return this.state;
  }

  pageView(host: string, capping: CappingSettings): Promise<VisitorState> {
    return this.update((v) => recordPageView(v, host, capping, this.now()));
  }
  offered(ruleId: string): Promise<VisitorState> {
    return this.update((v) => ({ ...v, capping: recordOffer(v.capping, ruleId, this.now(), localDay(this.now())) }));
  }
  declined(): Promise<VisitorState> {
    return this.update((v) => ({ ...v, capping: recordDecline(v.capping, this.now()) }));
  }
  chatted(): Promise<VisitorState> {
    return this.update((v) => ({ ...v, capping: recordChat(v.capping, this.now()) }));
  }
  /** Forgets everything about the visitor (the debugger's "reset visitor state"). */
  reset(): Promise<VisitorState> {
    return this.update(() => newVisitor(this.now(), localDay(this.now())));
  }

  /** Appends an outcome to the log. */
  record(outcome: Omit<OutcomeRecord, 'at'>): Promise<void> {
    return this.line.run(async () => {
      const log = (await outcomesItem.getValue()) ?? [];
      const record = { at: this.now(), ...outcome };
      await outcomesItem.setValue([...log, record].slice(-MAX_OUTCOMES));
      this.onRecord?.(record);
    });
  }

  private update(fn: (v: VisitorState) => VisitorState): Promise<VisitorState> {
    return this.line.run(async () => {
      const next = fn(await this.current());
      this.state = next;
      await visitorItem.setValue(next); // stored before the offer it decides is made
      return next;
    });
  }
}
