import type {
  RecordOnboardingFailedInput,
  RecordOnboardingStartedInput,
  RecordOnboardingSucceededInput,
  RegistryWriteOutput,
} from "../shared/registryContracts";
import { mergeObjectRecords } from "./mergeObjectRecords";
import { newPairRecord, pairNames, synchronizationIds } from "./newPairRecord";
import { listsOnlyOffboardedObjects } from "./offboardedObjects";
import { TenantPairNotFoundError } from "./registryErrors";
import type { TenantPairRecord } from "./tenantPairRecord";
import type { TenantPairChange, TenantPairRegistry } from "./tenantPairRegistry";

/** Offboarding removed or released these objects, so a new onboarding of the pair starts its own list. */
const forgetOffboardedObjects = {
  applicationId: null,
  appId: null,
  servicePrincipalId: null,
  jobId: null,
  objects: { source: [], target: [] },
} satisfies Partial<TenantPairRecord>;

/*
 * Each write below creates the record when it is missing, so that none depends on an earlier write having survived:
 * Azurite, for one, saves its tables only every few seconds and loses the latest writes when it is killed. Only
 * onboarding creates records, and one onboarding per pair runs at a time, so no writer races the creation.
 */

/**
 * Marks a pair `onboarding`. A known pair keeps its ids, objects and health history, because a re-run adopts what
 * the last run set up, unless its objects are those an offboarding removed. An unknown pair gets a new record.
 */
export async function markOnboardingStarted(
  registry: TenantPairRegistry,
  input: RecordOnboardingStartedInput,
  now: Date,
): Promise<RegistryWriteOutput> {
  return updateOrCreate(
    registry,
    input,
    (current) => ({
      ...current,
      ...(listsOnlyOffboardedObjects(current) ? forgetOffboardedObjects : {}),
      ...pairNames(input),
      state: "onboarding",
      lastOnboardingInstanceId: input.instanceId,
    }),
    () => newPairRecord(input, "onboarding", input.instanceId, { source: [], target: [] }, now),
  );
}

/**
 * Marks a pair `active` with the ids and the object records of the completed onboarding, creating the record from
 * the result when the registry lost it.
 */
export async function markOnboardingSucceeded(
  registry: TenantPairRegistry,
  input: RecordOnboardingSucceededInput,
  now: Date,
): Promise<RegistryWriteOutput> {
  const { result, instanceId } = input;
  const ids = { ...synchronizationIds(result.objects) };
  ids.jobId ??= result.firstCycle.jobId;
  return updateOrCreate(
    registry,
    result,
    (current) => ({
      ...current,
      ...pairNames(result),
      state: "active",
      ...ids,
      objects: mergeObjectRecords(current.objects, result.objects),
      lastOnboardingInstanceId: instanceId,
    }),
    () => ({ ...newPairRecord(result, "active", instanceId, result.objects, now), ...ids }),
  );
}

/**
 * Marks a pair `failed` and merges the objects the run left in place into the record, so that an offboarding removes
 * those the service created. The ids are taken from those objects where the run listed any. A pair without a record
 * gets one when the input names the registered pair; otherwise it is left alone, because the run changed nothing.
 * The orchestrator calls this only once the run tried to register the pair.
 */
export async function markOnboardingFailed(
  registry: TenantPairRegistry,
  input: RecordOnboardingFailedInput,
  now: Date,
): Promise<RegistryWriteOutput> {
  const objects = input.objects ?? { source: [], target: [] };
  const leftIds = synchronizationIds(objects);
  const change: TenantPairChange = (current) => ({
    ...current,
    state: "failed",
    applicationId: leftIds.applicationId ?? current.applicationId,
    appId: leftIds.appId ?? current.appId,
    servicePrincipalId: leftIds.servicePrincipalId ?? current.servicePrincipalId,
    jobId: leftIds.jobId ?? current.jobId,
    objects: mergeObjectRecords(current.objects, objects),
    lastOnboardingInstanceId: input.instanceId,
  });
  const { pair } = input;
  if (pair === undefined) {
    try {
      return { state: (await registry.update(input.sourceTenantId, input.targetTenantId, change)).state };
    } catch (error) {
      if (error instanceof TenantPairNotFoundError) {
        return { state: null };
      }
      throw error;
    }
  }
  return updateOrCreate(registry, pair, change, () => newPairRecord(pair, "failed", input.instanceId, objects, now));
}

/** Applies `change` to the pair's record, or stores the record that `create` builds when the pair has none. */
async function updateOrCreate(
  registry: TenantPairRegistry,
  pair: { source: { tenantId: string }; target: { tenantId: string } },
  change: TenantPairChange,
  create: () => TenantPairRecord,
): Promise<RegistryWriteOutput> {
  try {
    return { state: (await registry.update(pair.source.tenantId, pair.target.tenantId, change)).state };
  } catch (error) {
    if (!(error instanceof TenantPairNotFoundError)) {
      throw error;
    }
  }
  return { state: (await registry.upsert(create())).state };
}
