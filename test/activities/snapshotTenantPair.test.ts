import "./testEnvironment";

import { describe, expect, it } from "vitest";

import { ALL_EMPLOYEES_GROUP_ID, TENANT_A_ID } from "../../emulator/fixture";
import { assignPrincipalsHandler } from "../../src/activities/assignPrincipals";
import { createSyncJobHandler } from "../../src/activities/createSyncJob";
import { snapshotTenantPairHandler } from "../../src/activities/snapshotTenantPair";
import type { EmulatorHarness } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";
import { CONFIGURATION_NAME, PAIR, prepareApplication, preparePolicies } from "./onboardingSteps";

let emulator: EmulatorHarness;
const input = { ...PAIR, configurationName: CONFIGURATION_NAME };

useEmulatorPerFile((started) => {
  emulator = started;
});

describe("snapshotTenantPair", () => {
  it("finds nothing in a fresh pair", async () => {
    const snapshot = await snapshotTenantPairHandler(input, emulator.context());

    expect(snapshot).toEqual({
      targetPartner: { exists: false, inboundAllowed: null },
      identitySynchronization: { exists: false, isSyncAllowed: null },
      sourcePartner: { exists: false, outboundAllowed: null },
      syncApplications: [],
    });
  });

  it("finds every object of an onboarded pair", async () => {
    await preparePolicies(emulator);
    const application = await prepareApplication(emulator);
    const job = await createSyncJobHandler(
      { sourceTenantId: TENANT_A_ID, servicePrincipalId: application.servicePrincipalId },
      emulator.context(),
    );
    const assigned = await assignPrincipalsHandler(
      {
        sourceTenantId: TENANT_A_ID,
        servicePrincipalId: application.servicePrincipalId,
        appRoleId: application.appRoleId,
        users: [],
        groups: [ALL_EMPLOYEES_GROUP_ID],
      },
      emulator.context(),
    );

    const snapshot = await snapshotTenantPairHandler(input, emulator.context());

    expect(snapshot.targetPartner).toEqual({ exists: true, inboundAllowed: true });
    expect(snapshot.identitySynchronization).toEqual({ exists: true, isSyncAllowed: true });
    expect(snapshot.sourcePartner).toEqual({ exists: true, outboundAllowed: true });
    expect(snapshot.syncApplications).toEqual([
      {
        applicationId: application.applicationId,
        appId: application.appId,
        servicePrincipalId: application.servicePrincipalId,
        jobIds: [job.id],
        assignments: [{ assignmentId: assigned.assignments[0]?.assignmentId, principalId: ALL_EMPLOYEES_GROUP_ID }],
      },
    ]);
  });

  it("ignores applications with another name", async () => {
    await prepareApplication(emulator);

    const snapshot = await snapshotTenantPairHandler({ ...input, configurationName: "Other sync" }, emulator.context());

    expect(snapshot.syncApplications).toEqual([]);
  });

  it("sends only reads", async () => {
    await preparePolicies(emulator);
    await prepareApplication(emulator);
    await emulator.clearRequests();

    await snapshotTenantPairHandler(input, emulator.context());

    const requests = await emulator.requests();
    expect(requests.length).toBeGreaterThan(0);
    expect([...new Set(requests.map((request) => request.method))]).toEqual(["GET"]);
  });
});
