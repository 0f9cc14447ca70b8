/**
 * What main-thread work belongs to one of the extension's content scripts. Evidence is
 * anything on the page's main thread that carries the script's URL: its evaluation and
 * compilation, a call into one of its functions (event listener, timer callback), a timer it
 * installed (install stack), or the firing of such a timer.
 */
import { eventUrl, taskAt, topLevelTasks, type Thread, type TraceEvent } from './trace.ts';

/** Timer ids are per document: a timer is named by its frame and id. */
const timerKey = (e: TraceEvent) => `${e.args?.data?.frame}:${e.args?.data?.timerId}`;

/**
 * The timers (`setTimeout`/`setInterval`) that `url`'s code installed, by their install stacks:
 * key → time of installation (a `TimerFire` before it is another document's timer).
 */
function timersOf(events: TraceEvent[], url: string): Map<string, number> {
  const timers = new Map<string, number>();
  for (const e of events) if (e.name === 'TimerInstall' && eventUrl(e) === url) timers.set(timerKey(e), e.ts);
  return timers;
}

export interface AttributionOptions {
  /**
   * Also count tasks that deliver an extension message to the page (`Receive mojo message` on
   * `extensions.mojom.MessagePort`, category `toplevel`). The background's reply to
   * `runtime.sendMessage` arrives that way and the awaiting code resumes in the same task's
   * microtask checkpoint, which V8 does not attribute to any URL. Only sound when no other
   * extension script talks to the background from the page (no page UI injected).
   */
  messagePortReplies?: boolean;
}

/** Why work was attributed: the script's URL on it, a timer the script set, a reply to it. */
export type Evidence = 'script' | 'timer' | 'reply';

/** Evidence events on the thread, in trace order. */
export function evidence(events: TraceEvent[], thread: Thread, url: string, opts: AttributionOptions = {}): { event: TraceEvent; why: Evidence }[] {
  const timers = timersOf(events.filter((e) => e.pid === thread.pid), url);
  const found: { event: TraceEvent; why: Evidence }[] = [];
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid || e.name === 'RunTask') continue;
    if (eventUrl(e) === url) found.push({ event: e, why: 'script' });
    else if (e.name === 'TimerFire' && (timers.get(timerKey(e)) ?? Infinity) < e.ts) found.push({ event: e, why: 'timer' });
    else if (opts.messagePortReplies && e.name === 'Receive mojo message' && e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'extensions.mojom.MessagePort') {
      found.push({ event: e, why: 'reply' });
    }
  }
  return found;
}

/** The thread's top-level tasks with evidence of `url` (one wake-up of the thread each). */
export function tasksOf(events: TraceEvent[], thread: Thread, url: string, opts: AttributionOptions = {}): Map<TraceEvent, Evidence> {
  const tasks = topLevelTasks(events, thread);
  const found = new Map<TraceEvent, Evidence>();
  for (const { event, why } of evidence(events, thread, url, opts)) {
    const task = taskAt(tasks, event.ts);
    // A timer firing is the strongest evidence of a wake-up: the idle benchmark counts those.
    if (task && (!found.has(task) || why === 'timer')) found.set(task, why);
  }
  return found;
}

/** A span of main-thread time in both clocks: wall (`ts`/`dur`) and thread CPU (`tts`/`tdur`). */
export interface Span {
  event: TraceEvent;
  why: Evidence;
}

/**
 * The spans of main-thread time spent on `url`'s behalf: each evidence event that has a
 * duration (evaluation, call, timer firing), and for a reply the whole task delivering it
 * (the mojo dispatch plus the microtask checkpoint where the awaiting code resumes). Not the
 * whole task around a call: a listener can run inside a large task that is not the script's
 * (e.g. `visibilitychange` inside the navigation that unloads the page).
 */
export function spansOf(events: TraceEvent[], thread: Thread, url: string, opts: AttributionOptions = {}): Span[] {
  const tasks = topLevelTasks(events, thread);
  return evidence(events, thread, url, opts).flatMap(({ event, why }): Span[] => {
    if (why !== 'reply') return event.ph === 'X' ? [{ event, why }] : [];
    const task = taskAt(tasks, event.ts);
    return task ? [{ event: task, why }] : [];
  });
}
