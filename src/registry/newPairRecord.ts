import type { TenantObjectRecord } from "../shared/onboardingResult";
import type { RegisteredPair } from "../shared/registryContracts";
import type { TenantPairRecord, TenantPairState } from "./tenantPairRecord";

type ObjectsByTenant = TenantPairRecord["objects"];
type SynchronizationIds = Pick<TenantPairRecord, "applicationId" | "appId" | "servicePrincipalId" | "jobId">;

/** The names a record keeps from a run's resolved tenants. */
export function pairNames(pair: RegisteredPair) {
  return {
    sourceDisplayName: pair.source.displayName,
    targetDisplayName: pair.target.displayName,
    sourceDomainName: pair.source.defaultDomainName,
    targetDomainName: pair.target.defaultDomainName,
    configurationName: pair.configurationName,
  };
}

/** Builds the record of a pair the registry does not have, from what an onboarding run knows about it. */
export function newPairRecord(
  pair: RegisteredPair,
  state: TenantPairState,
  instanceId: string,
  objects: ObjectsByTenant,
  now: Date,
): TenantPairRecord {
  return {
    sourceTenantId: pair.source.tenantId.toLowerCase(),
    targetTenantId: pair.target.tenantId.toLowerCase(),
    ...pairNames(pair),
    state,
    ...synchronizationIds(objects),
    objects,
    lastOnboardingInstanceId: instanceId,
    lastOffboardingInstanceId: null,
    healthHistory: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** Reads the ids of the sync application, its service principal and its job from a run's source objects. */
export function synchronizationIds(objects: ObjectsByTenant): SynchronizationIds {
  const application = findRecord(objects.source, "application");
  const appId = application?.detail?.appId;
  return {
    applicationId: application?.id ?? null,
    appId: typeof appId === "string" ? appId : null,
    servicePrincipalId: findRecord(objects.source, "servicePrincipal")?.id ?? null,
    jobId: findRecord(objects.source, "synchronizationJob")?.id ?? null,
  };
}

function findRecord(records: readonly TenantObjectRecord[], type: TenantObjectRecord["type"]) {
  return records.find((record) => record.type === type);
}
