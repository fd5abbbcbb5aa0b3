import type { TypedData } from "../core/coreTypes";
import type { RegisteredFunction } from "../core/functionRegistry";

export interface ClientUrlOptions {
  port: number;
  hubName: string;
  systemKey: string;
}

const instancePlaceholder = "INSTANCEID";

/** Returns the HTTP API root advertised to callers, always on `localhost` as with Core Tools. */
export function webhookBase(options: ClientUrlOptions): string {
  return `http://localhost:${options.port}/runtime/webhooks/durabletask`;
}

function commonQuery(options: ClientUrlOptions): string {
  return `taskHub=${encodeURIComponent(options.hubName)}&connection=Storage&code=${encodeURIComponent(options.systemKey)}`;
}

/** Management URLs for one instance: the payload of the start response and of `createCheckStatusResponse`. */
export function managementPayload(options: ClientUrlOptions, instanceId: string): Record<string, string> {
  const instance = `${webhookBase(options)}/instances/${encodeURIComponent(instanceId)}`;
  const query = commonQuery(options);
  return {
    id: instanceId,
    purgeHistoryDeleteUri: `${instance}?${query}`,
    sendEventPostUri: `${instance}/raiseEvent/{eventName}?${query}`,
    statusQueryGetUri: `${instance}?${query}`,
    terminatePostUri: `${instance}/terminate?reason={text}&${query}`,
    suspendPostUri: `${instance}/suspend?reason={text}&${query}`,
    resumePostUri: `${instance}/resume?reason={text}&${query}`,
    rewindPostUri: `${instance}/rewind?reason={text}&${query}`,
    restartPostUri: `${instance}/restart?${query}`,
  };
}

/** Builds the `durableClient` binding value that durable-functions' `getClient` reads. */
export function durableClientData(options: ClientUrlOptions): Record<string, unknown> {
  const base = webhookBase(options);
  const code = `code=${encodeURIComponent(options.systemKey)}`;
  const managementUrls = managementPayload(options, instancePlaceholder);
  managementUrls.id = instancePlaceholder;
  return {
    taskHubName: options.hubName,
    creationUrls: {
      createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?${code}`,
      createAndWaitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${code}`,
    },
    managementUrls,
    baseUrl: base,
    requiredQueryStringParameters: "",
    rpcBaseUrl: `http://127.0.0.1:${options.port}/durabletask/`,
  };
}

/** Input data for every `durableClient` binding of `fn`. */
export function durableClientInputs(
  fn: RegisteredFunction,
  options: ClientUrlOptions,
): { name: string; data: TypedData }[] {
  const value = JSON.stringify(durableClientData(options));
  return Object.entries(fn.metadata.bindings)
    .filter(([, binding]) => binding.type === "durableClient" && binding.direction === "in")
    .map(([name]) => ({ name, data: { string: value } }));
}
