import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { TenantPairSnapshot } from "../../shared/tenantPairSnapshot";
import type { OnboardingRun } from "./onboardingRun";

/**
 * Step 2: reads the pair's state before the run's first write. Its output is committed to history before any write
 * is scheduled, so the ledger can tell what the run created even when a step runs again after a host crash.
 */
export function* snapshotTenantPair(
  run: OnboardingRun,
  request: OnboardingRequest,
  configurationName: string,
): Generator<df.Task, TenantPairSnapshot, unknown> {
  const snapshot = yield* run.call("snapshotTenantPair", ActivityNames.snapshotTenantPair, {
    sourceTenantId: request.sourceTenantId,
    targetTenantId: request.targetTenantId,
    configurationName,
  });
  run.succeed("snapshotTenantPair", describeSnapshot(snapshot));
  return snapshot;
}

function describeSnapshot(snapshot: TenantPairSnapshot): string {
  const found = [
    snapshot.targetPartner.exists ? "target partner" : undefined,
    snapshot.identitySynchronization.exists ? "identity synchronization policy" : undefined,
    snapshot.sourcePartner.exists ? "source partner" : undefined,
  ].filter((name): name is string => name !== undefined);
  const applications = snapshot.syncApplications.length;
  found.push(`${applications} sync application${applications === 1 ? "" : "s"}`);
  return `found before the run: ${found.join(", ")}`;
}
