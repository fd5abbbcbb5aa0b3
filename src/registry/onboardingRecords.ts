import type {
  RecordOnboardingFailedInput,
  RecordOnboardingStartedInput,
  RecordOnboardingSucceededInput,
  RegistryWriteOutput,
} from "../shared/registryContracts";
import type { TenantObjectRecord } from "../shared/onboardingResult";
import { mergeObjectRecords } from "./mergeObjectRecords";
import { TenantPairNotFoundError } from "./registryErrors";
import type { TenantPairRecord } from "./tenantPairRecord";
import type { TenantPairRegistry } from "./tenantPairRegistry";

/** Offboarding removed or released these objects, so a new onboarding of the pair starts its own list. */
const forgetOffboardedObjects = {
  applicationId: null,
  appId: null,
  servicePrincipalId: null,
  jobId: null,
  objects: { source: [], target: [] },
} satisfies Partial<TenantPairRecord>;

/**
 * Marks a pair `onboarding`. A known pair keeps its ids, objects and health history, because a re-run adopts what
 * the last run set up; an unknown pair gets a new record.
 */
export async function markOnboardingStarted(
  registry: TenantPairRegistry,
  input: RecordOnboardingStartedInput,
  now: Date,
): Promise<RegistryWriteOutput> {
  const names = {
    sourceDisplayName: input.source.displayName,
    targetDisplayName: input.target.displayName,
    sourceDomainName: input.source.defaultDomainName,
    targetDomainName: input.target.defaultDomainName,
    configurationName: input.configurationName,
  };
  const { tenantId: sourceTenantId } = input.source;
  const { tenantId: targetTenantId } = input.target;
  // Only onboarding creates records, and one onboarding per pair runs at a time, so no writer races this check.
  if ((await registry.get(sourceTenantId, targetTenantId)) === undefined) {
    const record: TenantPairRecord = {
      sourceTenantId: sourceTenantId.toLowerCase(),
      targetTenantId: targetTenantId.toLowerCase(),
      ...names,
      state: "onboarding",
      applicationId: null,
      appId: null,
      servicePrincipalId: null,
      jobId: null,
      objects: { source: [], target: [] },
      lastOnboardingInstanceId: input.instanceId,
      lastOffboardingInstanceId: null,
      healthHistory: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    return { state: (await registry.upsert(record)).state };
  }
  const updated = await registry.update(sourceTenantId, targetTenantId, (current) => ({
    ...current,
    ...(current.state === "offboarded" ? forgetOffboardedObjects : {}),
    ...names,
    state: "onboarding",
    lastOnboardingInstanceId: input.instanceId,
  }));
  return { state: updated.state };
}

/** Marks a pair `active` with the ids and the object records of the completed onboarding. */
export async function markOnboardingSucceeded(
  registry: TenantPairRegistry,
  input: RecordOnboardingSucceededInput,
): Promise<RegistryWriteOutput> {
  const { result } = input;
  const sourceObjects = result.objects.source;
  const application = findRecord(sourceObjects, "application");
  const appId = application?.detail?.appId;
  const updated = await registry.update(result.source.tenantId, result.target.tenantId, (current) => ({
    ...current,
    sourceDisplayName: result.source.displayName,
    targetDisplayName: result.target.displayName,
    sourceDomainName: result.source.defaultDomainName,
    targetDomainName: result.target.defaultDomainName,
    configurationName: result.configurationName,
    state: "active",
    applicationId: application?.id ?? null,
    appId: typeof appId === "string" ? appId : null,
    servicePrincipalId: findRecord(sourceObjects, "servicePrincipal")?.id ?? null,
    jobId: findRecord(sourceObjects, "synchronizationJob")?.id ?? result.firstCycle.jobId,
    objects: mergeObjectRecords(current.objects, result.objects),
    lastOnboardingInstanceId: input.instanceId,
  }));
  return { state: updated.state };
}

/**
 * Marks a pair `failed`, keeping what the record already lists. A pair without a record is left alone, because the
 * run failed before it changed anything.
 */
export async function markOnboardingFailed(
  registry: TenantPairRegistry,
  input: RecordOnboardingFailedInput,
): Promise<RegistryWriteOutput> {
  try {
    const updated = await registry.update(input.sourceTenantId, input.targetTenantId, (current) => ({
      ...current,
      state: "failed",
      lastOnboardingInstanceId: input.instanceId,
    }));
    return { state: updated.state };
  } catch (error) {
    if (error instanceof TenantPairNotFoundError) {
      return { state: null };
    }
    throw error;
  }
}

function findRecord(records: readonly TenantObjectRecord[], type: TenantObjectRecord["type"]) {
  return records.find((record) => record.type === type);
}
