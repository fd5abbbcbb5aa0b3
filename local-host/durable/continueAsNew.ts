import { type Action, ActionType } from "./actions";
import { EventType, type HistoryEvent } from "./historyEvents";

/**
 * External events of this execution that no `waitForExternalEvent` consumed, for the next execution. Each wait
 * consumes the earliest event of its name, so the latest surplus events of each name carry over.
 */
export function carriedOverEvents(history: HistoryEvent[], leaves: Action[]): HistoryEvent[] {
  const waits = new Map<string, number>();
  for (const leaf of leaves) {
    if (leaf.actionType === ActionType.WaitForExternalEvent && leaf.externalEventName) {
      const name = leaf.externalEventName;
      waits.set(name, (waits.get(name) ?? 0) + 1);
    }
  }
  const carried: HistoryEvent[] = [];
  for (const event of history) {
    if (event.EventType !== EventType.EventRaised) {
      continue;
    }
    const name = String(event.Name);
    const remainingWaits = waits.get(name) ?? 0;
    if (remainingWaits > 0) {
      waits.set(name, remainingWaits - 1);
    } else {
      carried.push({ ...event, IsPlayed: false });
    }
  }
  return carried;
}
