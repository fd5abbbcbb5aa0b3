import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { SyncApplication } from "../../shared/onboardingContracts";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { StepError } from "../../shared/onboardingStatus";
import type { TenantPairSnapshot } from "../../shared/tenantPairSnapshot";
import type { ObjectLedger } from "./objectRecords";
import { describeRecords, describeRemovedDuplicates } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";
import { preexistingApplicationIds, syncApplicationRecords } from "./snapshotRecords";

export interface ReadySyncApplication {
  application: SyncApplication;
  /** Id of the `msiam_access` app role that assignments use. */
  appRoleId: string;
}

/**
 * Steps 8 to 11: creates (or adopts) the sync application in the source and waits until its service principal has
 * replicated. It then deletes the duplicates that a repeated create made in this run, and waits until the target's
 * policies have propagated far enough for the sync credentials to validate. Whether the run created the application
 * comes from `before`, the pair's state before the run.
 */
export function* prepareSyncApplication(
  run: OnboardingRun,
  request: OnboardingRequest,
  configurationName: string,
  ledger: ObjectLedger,
  before: TenantPairSnapshot,
): Generator<df.Task, ReadySyncApplication, unknown> {
  const { sourceTenantId, targetTenantId } = request;

  const application = yield* run.call("createSyncApplication", ActivityNames.createSyncApplication, {
    sourceTenantId,
    targetTenantId,
    configurationName,
  });
  const records = syncApplicationRecords(before, application);
  ledger.source.push(...records);
  run.succeed("createSyncApplication", `${describeRecords(records.slice(0, 1))} (appId ${application.appId})`);

  const servicePrincipalId = application.servicePrincipalId;
  const replicationTimeout = request.waits.replicationTimeoutSeconds;
  const servicePrincipal = yield* run.poll(
    "waitForServicePrincipal",
    ActivityNames.readServicePrincipal,
    { sourceTenantId, servicePrincipalId },
    {
      waitingFor: "service principal replication",
      timeoutSeconds: replicationTimeout,
      isDone: (output) => output.ready,
    },
  );
  const appRoleId = servicePrincipal.output.appRoleId;
  if (servicePrincipal.timedOut || appRoleId === undefined) {
    const reason = servicePrincipal.timedOut
      ? `was still not readable after ${replicationTimeout} s (ONBOARDING_REPLICATION_TIMEOUT_SECONDS)`
      : "has no msiam_access app role";
    const error: StepError = {
      message: `Service principal ${servicePrincipalId} in the source tenant ${reason}. Start the onboarding again to resume.`,
    };
    // A 403 that outlasts the wait is more likely a missing permission than replication, so its code is reported.
    if (servicePrincipal.output.graphCode !== undefined) {
      error.graphCode = servicePrincipal.output.graphCode;
    }
    throw run.fail("waitForServicePrincipal", error);
  }
  run.succeed("waitForServicePrincipal", `service principal ${servicePrincipalId} is readable`);

  const duplicates = yield* run.call("removeDuplicateSyncApplications", ActivityNames.removeDuplicateSyncApplications, {
    sourceTenantId,
    configurationName,
    keepApplicationId: application.applicationId,
    createdSince: run.startedAt.toISOString(),
    preexistingApplicationIds: preexistingApplicationIds(before),
  });
  run.succeed("removeDuplicateSyncApplications", describeRemovedDuplicates(duplicates.removed));

  const propagationTimeout = request.waits.policyPropagationTimeoutSeconds;
  const validation = yield* run.poll(
    "validateSyncCredentials",
    ActivityNames.validateSyncCredentials,
    { sourceTenantId, targetTenantId, servicePrincipalId },
    { waitingFor: "policy propagation", timeoutSeconds: propagationTimeout, isDone: (output) => output.valid },
  );
  if (!validation.output.valid) {
    throw run.fail("validateSyncCredentials", {
      message:
        `Sync credentials were still rejected after ${propagationTimeout} s ` +
        `(ONBOARDING_POLICY_PROPAGATION_TIMEOUT_SECONDS): ${validation.output.message} ` +
        "Check inbound sync and automatic redemption in the target, then start the onboarding again.",
      graphCode: validation.output.code,
    });
  }
  run.succeed("validateSyncCredentials", "the target accepts synchronization from the source");
  return { application, appRoleId };
}
