import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { FirstCycleReport } from "../../shared/onboardingResult";
import type { TenantPairSnapshot } from "../../shared/tenantPairSnapshot";
import {
  buildFirstCycleReport,
  describeFirstCycle,
  firstCycleOutcome,
  hasCycleEndedSince,
  isQuarantined,
} from "./firstCycle";
import type { ObjectLedger } from "./objectRecords";
import { describeRecords } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";
import { principalAssignmentRecords, syncJobRecord } from "./snapshotRecords";
import type { ReadySyncApplication } from "./syncApplicationSteps";

/**
 * Steps 12 to 16: creates the job, saves its secrets, assigns the scope, starts the job and waits for its first
 * cycle. A first cycle that has not ended in time does not fail the run, because the job is set up and keeps running.
 * Whether the run created the job and assignments comes from `before`, the pair's state before the run.
 */
export function* runSyncJob(
  run: OnboardingRun,
  request: OnboardingRequest,
  ready: ReadySyncApplication,
  ledger: ObjectLedger,
  before: TenantPairSnapshot,
): Generator<df.Task, FirstCycleReport, unknown> {
  const { sourceTenantId, targetTenantId } = request;
  const servicePrincipalId = ready.application.servicePrincipalId;

  const job = yield* run.call("createSyncJob", ActivityNames.createSyncJob, { sourceTenantId, servicePrincipalId });
  const jobRecord = syncJobRecord(before, ready.application, job);
  ledger.source.push(jobRecord);
  run.succeed("createSyncJob", describeRecords([jobRecord]));

  yield* run.call("saveSyncSecrets", ActivityNames.saveSyncSecrets, {
    sourceTenantId,
    targetTenantId,
    servicePrincipalId,
  });
  run.succeed("saveSyncSecrets", "saved the target tenant id and the SyncPolicy authentication type");

  const assignments = principalAssignmentRecords(
    before,
    ready.application,
    yield* run.call("assignPrincipals", ActivityNames.assignPrincipals, {
      sourceTenantId,
      servicePrincipalId,
      appRoleId: ready.appRoleId,
      users: request.scope.users,
      groups: request.scope.groups,
    }),
  );
  ledger.source.push(...assignments);
  run.succeed("assignPrincipals", `app role assignments: ${describeRecords(assignments)}`);

  const jobInput = { sourceTenantId, servicePrincipalId, jobId: job.id };
  const startedAt = run.now();
  yield* run.call("startSyncJob", ActivityNames.startSyncJob, jobInput);
  run.succeed("startSyncJob", `started job ${job.id}`);

  const firstCycle = yield* run.poll("waitForFirstCycle", ActivityNames.readSyncJobStatus, jobInput, {
    waitingFor: "the first synchronization cycle",
    timeoutSeconds: request.waits.firstCycleTimeoutSeconds,
    isDone: (status) => hasCycleEndedSince(status, startedAt) || isQuarantined(status),
  });
  const report = buildFirstCycleReport(firstCycle.output, firstCycleOutcome(firstCycle.output, startedAt));
  run.succeed("waitForFirstCycle", describeFirstCycle(report));
  return report;
}
