import { getJson, postJson, waitForOperation, type OperationSummary } from "../integration/fullStack";
import type { FaultBody, TenantSide } from "./faultScenarios";

/** A tenant the emulator created for one scenario, as `POST /_emulator/tenants` returned it. */
export interface CreatedTenant {
  tenantId: string;
  defaultDomainName: string;
  groups: Array<{ id: string; displayName: string }>;
}

export interface TenantPair {
  source: CreatedTenant;
  target: CreatedTenant;
}

export async function createTenant(emulatorUrl: string, displayName: string): Promise<CreatedTenant> {
  const response = await postJson(`${emulatorUrl}/_emulator/tenants`, { displayName });
  if (response.status !== 201) {
    throw new Error(`Creating tenant '${displayName}' returned ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as CreatedTenant;
}

export async function createTenantPair(emulatorUrl: string, name: string): Promise<TenantPair> {
  const [source, target] = await Promise.all([
    createTenant(emulatorUrl, `${name} source`),
    createTenant(emulatorUrl, `${name} target`),
  ]);
  return { source, target };
}

export async function addFault(
  emulatorUrl: string,
  tenantId: string,
  fault: FaultBody | Omit<FaultBody, "times">,
): Promise<void> {
  const response = await postJson(`${emulatorUrl}/_emulator/faults`, { ...fault, tenantId });
  if (response.status !== 201) {
    throw new Error(`Adding a fault returned ${response.status}: ${await response.text()}`);
  }
}

/**
 * Arms a fault on the tenant lookup that only the onboarding's own `resolveTenants` step meets. The emulator applies
 * the first matching fault, and the HTTP starter looks the source up first. So a 1 ms delay-only fault, added first
 * and used once, takes the starter's lookup, and the real fault takes the step's.
 */
export async function addLookupFault(emulatorUrl: string, tenantId: string, fault: FaultBody): Promise<void> {
  await addFault(emulatorUrl, tenantId, { method: fault.method, path: fault.path, delayMs: 1, times: 1 });
  await addFault(emulatorUrl, tenantId, fault);
}

export function tenantOf(pair: TenantPair, side: TenantSide): CreatedTenant {
  return side === "source" ? pair.source : pair.target;
}

/** Whole-tenant dump from the emulator's admin API. */
export function dumpTenant(emulatorUrl: string, tenantId: string): Promise<Record<string, unknown>> {
  return getJson<Record<string, unknown>>(`${emulatorUrl}/_emulator/tenants/${tenantId}`);
}

export async function dumpPair(emulatorUrl: string, pair: TenantPair): Promise<Record<string, unknown>[]> {
  return Promise.all([dumpTenant(emulatorUrl, pair.source.tenantId), dumpTenant(emulatorUrl, pair.target.tenantId)]);
}

/** Starts an onboarding of the pair, by domain names, with the source's "All Employees" group in scope. */
export async function onboardPair(
  api: string,
  pair: TenantPair,
  extra: Record<string, unknown> = {},
  timeoutMs = 100_000,
): Promise<OperationSummary> {
  const group = pair.source.groups.find((candidate) => candidate.displayName === "All Employees");
  const response = await postJson(`${api}/tenant-pairs`, {
    source: pair.source.defaultDomainName,
    target: pair.target.defaultDomainName,
    scope: { groups: [group?.id] },
    ...extra,
  });
  if (response.status !== 202) {
    throw new Error(`POST /tenant-pairs returned ${response.status}: ${await response.text()}`);
  }
  const { statusUri } = (await response.json()) as { statusUri: string };
  return waitForOperation(statusUri, timeoutMs);
}
