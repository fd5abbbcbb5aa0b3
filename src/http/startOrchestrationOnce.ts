import { type OperationsClient, findInstance, isActiveRuntimeStatus } from "./durableInstances";

export type StartOutcome = "started" | "alreadyExists";

/**
 * Starts an orchestration under a fixed instance id. With `replaceEnded`, an instance with that id that has ended is
 * replaced; otherwise any instance with that id counts as existing. Returns "alreadyExists", and starts nothing,
 * when such an instance exists, also when another caller started it a moment earlier.
 */
export async function startOrchestrationOnce(
  client: OperationsClient,
  orchestrator: string,
  instanceId: string,
  input: unknown,
  options: { replaceEnded: boolean },
): Promise<StartOutcome> {
  const blocks = (runtimeStatus: string) => !options.replaceEnded || isActiveRuntimeStatus(runtimeStatus);
  const existing = await findInstance(client, instanceId);
  if (existing !== undefined && blocks(existing.runtimeStatus)) {
    return "alreadyExists";
  }
  try {
    await client.startNew(orchestrator, { instanceId, input });
    return "started";
  } catch (error) {
    // The Durable extension returns 500, not 409, when another caller started the same id a moment earlier.
    const raced = await findInstance(client, instanceId);
    if (raced !== undefined && isActiveRuntimeStatus(raced.runtimeStatus)) {
      return "alreadyExists";
    }
    throw error;
  }
}
