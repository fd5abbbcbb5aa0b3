import { describe, expect, it } from "vitest";

import { createObjectLedger, type ObjectLedger } from "../../src/orchestrators/onboarding/objectRecords";
import { planRollback } from "../../src/orchestrators/onboarding/rollbackPlan";
import { JOB_ID, SOURCE_ID, SP_ID, TARGET_ID, USER_ID } from "./support/onboardingFixtures";

const PAIR = { sourceTenantId: SOURCE_ID, targetTenantId: TARGET_ID };
const GROUP_ID = "66666666-6666-4666-8666-666666666666";

/** Builds the ledger of a run that created or changed everything and then failed after assigning two principals. */
function fullLedger(): ObjectLedger {
  return {
    target: [
      { type: "partner", id: SOURCE_ID, created: true },
      { type: "identitySynchronization", id: SOURCE_ID, created: true, detail: { previousIsSyncAllowed: null } },
      {
        type: "policyFlag",
        id: `partners/${SOURCE_ID}/automaticUserConsentSettings.inboundAllowed`,
        created: true,
        detail: { previousValue: null },
      },
    ],
    source: [
      { type: "partner", id: TARGET_ID, created: true },
      {
        type: "policyFlag",
        id: `partners/${TARGET_ID}/automaticUserConsentSettings.outboundAllowed`,
        created: true,
        detail: { previousValue: false },
      },
      { type: "application", id: "app-object-id", created: true, detail: { appId: "app-id" } },
      { type: "servicePrincipal", id: SP_ID, created: true },
      { type: "synchronizationJob", id: JOB_ID, created: true, detail: { servicePrincipalId: SP_ID } },
      { type: "appRoleAssignment", id: "assignment-user", created: true, detail: { principalId: USER_ID } },
      { type: "appRoleAssignment", id: "assignment-group", created: true, detail: { principalId: GROUP_ID } },
    ],
  };
}

describe("planRollback", () => {
  it("undoes everything in reverse order", () => {
    const plan = planRollback(fullLedger(), PAIR);

    expect(plan.map((step) => [step.activity, step.item.id])).toEqual([
      ["removeAppRoleAssignment", "assignment-group"],
      ["removeAppRoleAssignment", "assignment-user"],
      ["deleteSyncJob", JOB_ID],
      ["deleteSyncApplication", "app-object-id"],
      ["restorePartnerFlag", `partners/${TARGET_ID}/automaticUserConsentSettings.outboundAllowed`],
      ["deletePartner", TARGET_ID],
      ["restorePartnerFlag", `partners/${SOURCE_ID}/automaticUserConsentSettings.inboundAllowed`],
      ["removeIdentitySynchronization", SOURCE_ID],
      ["deletePartner", SOURCE_ID],
    ]);
  });

  it("passes each compensation the ids it needs", () => {
    const plan = planRollback(fullLedger(), PAIR);

    expect(plan[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      servicePrincipalId: SP_ID,
      assignmentId: "assignment-group",
    });
    expect(plan[2]?.input).toEqual({ sourceTenantId: SOURCE_ID, servicePrincipalId: SP_ID, jobId: JOB_ID });
    expect(plan[3]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      servicePrincipalId: SP_ID,
      applicationId: "app-object-id",
    });
    expect(plan[5]?.input).toEqual({ tenantId: SOURCE_ID, partnerTenantId: TARGET_ID });
    expect(plan[7]?.input).toEqual({ sourceTenantId: SOURCE_ID, targetTenantId: TARGET_ID });
    expect(plan[8]?.input).toEqual({ tenantId: TARGET_ID, partnerTenantId: SOURCE_ID });
  });

  it("reports each item in the tenant where it lives", () => {
    const plan = planRollback(fullLedger(), PAIR);

    expect(plan[0]?.item).toEqual({
      action: "unassign",
      tenantId: SOURCE_ID,
      objectType: "appRoleAssignment",
      id: "assignment-group",
    });
    expect(plan[3]?.item).toEqual({
      action: "delete",
      tenantId: SOURCE_ID,
      objectType: "application",
      id: "app-object-id",
    });
    expect(plan[7]?.item).toEqual({
      action: "delete",
      tenantId: TARGET_ID,
      objectType: "identitySynchronization",
      id: SOURCE_ID,
    });
  });

  it("restores flags to their previous values", () => {
    const plan = planRollback(fullLedger(), PAIR);

    expect(plan[4]?.input).toEqual({
      tenantId: SOURCE_ID,
      partnerTenantId: TARGET_ID,
      flag: "outboundAllowed",
      previousValue: false,
    });
    expect(plan[6]?.input).toEqual({
      tenantId: TARGET_ID,
      partnerTenantId: SOURCE_ID,
      flag: "inboundAllowed",
      previousValue: null,
    });
    expect(plan[6]?.item.action).toBe("restore");
  });

  it("leaves adopted objects untouched", () => {
    const ledger = fullLedger();
    for (const record of [...ledger.source, ...ledger.target]) {
      if (record.type !== "policyFlag" && record.type !== "identitySynchronization") {
        record.created = false;
      }
    }
    const plan = planRollback(ledger, PAIR);

    expect(plan.map((step) => step.activity)).toEqual([
      "restorePartnerFlag",
      "restorePartnerFlag",
      "removeIdentitySynchronization",
    ]);
  });

  it("skips flags the run did not change", () => {
    const ledger = fullLedger();
    ledger.source = ledger.source
      .filter((record) => record.type === "policyFlag")
      .map((record) => ({ ...record, created: false }));
    ledger.target = [];

    expect(planRollback(ledger, PAIR)).toEqual([]);
  });

  it("restores inbound sync of an adopted policy", () => {
    const ledger = createObjectLedger();
    ledger.target.push({
      type: "identitySynchronization",
      id: SOURCE_ID,
      created: false,
      detail: { previousIsSyncAllowed: false },
    });
    const plan = planRollback(ledger, PAIR);

    expect(plan).toHaveLength(1);
    expect(plan[0]?.activity).toBe("restoreInboundSync");
    expect(plan[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      targetTenantId: TARGET_ID,
      previousIsSyncAllowed: false,
    });
    expect(plan[0]?.item.action).toBe("restore");
  });

  it("leaves an adopted policy that already allowed sync", () => {
    const ledger = createObjectLedger();
    ledger.target.push({
      type: "identitySynchronization",
      id: SOURCE_ID,
      created: false,
      detail: { previousIsSyncAllowed: true },
    });

    expect(planRollback(ledger, PAIR)).toEqual([]);
  });

  it("deletes a policy the run created", () => {
    const ledger = createObjectLedger();
    ledger.target.push({
      type: "identitySynchronization",
      id: SOURCE_ID,
      created: true,
      detail: { previousIsSyncAllowed: null },
    });

    expect(planRollback(ledger, PAIR).map((step) => step.activity)).toEqual(["removeIdentitySynchronization"]);
  });

  it("plans nothing for an empty ledger", () => {
    expect(planRollback(createObjectLedger(), PAIR)).toEqual([]);
  });

  it("rejects a policy flag record of an unknown flag", () => {
    const ledger = createObjectLedger();
    ledger.source.push({
      type: "policyFlag",
      id: `partners/${TARGET_ID}/inboundTrust`,
      created: true,
      detail: { previousValue: null },
    });

    expect(() => planRollback(ledger, PAIR)).toThrow(/does not name an automaticUserConsentSettings flag/);
  });
});
