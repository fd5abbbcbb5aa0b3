import type {
  MarkOffboardedInput,
  MarkOffboardingInput,
  OffboardingSubject,
  RecordOffboardingFailureInput,
} from "../shared/offboardingContracts";
import type { OffboardingError } from "./offboardingRecord";
import type { TenantPairRecord } from "./tenantPairRecord";

/**
 * Pure changes of a registry record during an offboarding. `at` is the activity's time; each change may run more than
 * once (registry retries on ETag conflicts, activities run at least once), so each is idempotent.
 */

/** Marks the pair `offboarding` under this instance and clears the error of an earlier attempt. */
export function startOffboarding(record: TenantPairRecord, input: MarkOffboardingInput, at: string): TenantPairRecord {
  const continuing = record.offboarding?.instanceId === input.instanceId && record.offboarding.endedAt === null;
  return {
    ...record,
    state: "offboarding",
    lastOffboardingInstanceId: input.instanceId,
    offboarding: {
      instanceId: input.instanceId,
      keepSyncedUsers: input.keepSyncedUsers,
      startedAt: continuing && record.offboarding !== undefined ? record.offboarding.startedAt : at,
      endedAt: null,
      result: null,
      error: null,
    },
  };
}

/** Marks the pair `offboarded` and keeps what was removed and left in place. The record itself stays. */
export function finishOffboarding(record: TenantPairRecord, input: MarkOffboardedInput, at: string): TenantPairRecord {
  return {
    ...record,
    state: "offboarded",
    lastOffboardingInstanceId: input.instanceId,
    offboarding: {
      instanceId: input.instanceId,
      keepSyncedUsers: input.result.keepSyncedUsers,
      startedAt: record.offboarding?.startedAt ?? at,
      endedAt: at,
      result: input.result,
      error: null,
    },
  };
}

/** Keeps the pair `offboarding` with the failed step's error, so that a later DELETE continues. */
export function failOffboarding(
  record: TenantPairRecord,
  input: RecordOffboardingFailureInput,
  at: string,
): TenantPairRecord {
  const error: OffboardingError = { step: input.step, message: input.message, at };
  if (input.graphCode !== undefined) {
    error.graphCode = input.graphCode;
  }
  if (input.requestId !== undefined) {
    error.requestId = input.requestId;
  }
  return {
    ...record,
    state: "offboarding",
    lastOffboardingInstanceId: input.instanceId,
    offboarding: {
      instanceId: input.instanceId,
      keepSyncedUsers: record.offboarding?.keepSyncedUsers ?? false,
      startedAt: record.offboarding?.startedAt ?? at,
      endedAt: null,
      result: null,
      error,
    },
  };
}

/** The ids and object records the offboarding works from. */
export function offboardingSubject(record: TenantPairRecord): OffboardingSubject {
  return {
    applicationId: record.applicationId,
    servicePrincipalId: record.servicePrincipalId,
    jobId: record.jobId,
    objects: record.objects,
  };
}
