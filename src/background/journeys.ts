import { appendJourney, type JourneyEvent } from '../core/report/journey';
import { serial } from '../core/serial';
import { journeysItem } from '../protocol/storage';

/**
 * Each tab's journey before a chat (pages, rule decisions, the offer and its outcome), for the
 * demo report: in memory once read, stored behind in the session area (a restarted worker goes
 * on with it), handed to the chat when its offer is accepted. A decision that did not change
 * since the tab's last one adds nothing.
 */
export class JourneyStore {
  private journeys: Record<string, JourneyEvent[]> | undefined;
  private readonly line = serial();

  /** Adds a step to the tab's journey. */
  record(tabId: number, event: JourneyEvent): Promise<void> {
    return this.line.run(async () => {
      const all = await this.all();
      const journey = all[tabId] ?? [];
      const lastDecision = journey.findLast((e) => e.kind === 'decision');
      if (event.kind === 'decision' && (event.text === '' || lastDecision?.text === event.text)) return;
      this.journeys = { ...all, [tabId]: appendJourney(journey, event) };
      await journeysItem.setValue(this.journeys);
    });
  }

  /** The tab's journey so far (the chat that starts now keeps it). */
  async of(tabId: number): Promise<JourneyEvent[]> {
    return (await this.all())[tabId] ?? [];
  }

  /** Forgets a closed tab's journey. */
  forget(tabId: number): Promise<void> {
    return this.line.run(async () => {
      const all = { ...(await this.all()) };
      if (!(tabId in all)) return;
      delete all[tabId];
      this.journeys = all;
      await journeysItem.setValue(all);
    });
  }

  private async all(): Promise<Record<string, JourneyEvent[]>> {
    return (this.journeys ??= (await journeysItem.getValue()) ?? {});
  }
}
