import { isAlreadyGone } from "../../graph/notFound";
import type { CompensationOutput } from "../../shared/onboardingContracts";
import type { ActivityLog, LogProperties } from "../../telemetry/activityLog";
import { LogEvents } from "../../telemetry/logEvents";

/** Sends a delete and logs whether it removed the object or found it gone already (404), which counts as done. */
export async function deleteObject(
  request: Promise<void>,
  log: ActivityLog,
  properties: LogProperties,
): Promise<CompensationOutput> {
  const alreadyUndone = await isAlreadyGone(request);
  log.event(alreadyUndone ? LogEvents.objectAlreadyGone : LogEvents.objectDeleted, properties);
  return { alreadyUndone };
}
