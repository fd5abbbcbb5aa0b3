import { randomBytes } from "node:crypto";

import type { HealthCheckResult, TenantPairRecord } from "../../src/registry/tenantPairRecord";

export const SOURCE_ID = "11111111-1111-4111-8111-111111111111";
export const TARGET_ID = "22222222-2222-4222-8222-222222222222";

/** Returns a table name that no other test uses, so that files running in parallel do not see each other's records. */
export function uniqueTableName(prefix = "Pairs"): string {
  return `${prefix}${randomBytes(6).toString("hex")}`;
}

export function pairRecord(overrides: Partial<TenantPairRecord> = {}): TenantPairRecord {
  return {
    sourceTenantId: SOURCE_ID,
    targetTenantId: TARGET_ID,
    sourceDisplayName: "Contoso",
    targetDisplayName: "Fabrikam",
    sourceDomainName: "contoso.onmicrosoft.com",
    targetDomainName: "fabrikam.onmicrosoft.com",
    configurationName: "Contoso to Fabrikam",
    state: "active",
    applicationId: "aaaaaaaa-0000-4000-8000-000000000001",
    appId: "aaaaaaaa-0000-4000-8000-000000000002",
    servicePrincipalId: "aaaaaaaa-0000-4000-8000-000000000003",
    jobId: "Azure2Azure.0123456789abcdef.aaaaaaaa-0000-4000-8000-000000000003",
    objects: {
      source: [
        { type: "application", id: "aaaaaaaa-0000-4000-8000-000000000001", created: true, detail: { appId: "x" } },
      ],
      target: [{ type: "partner", id: SOURCE_ID, created: false }],
    },
    lastOnboardingInstanceId: `onboard-${SOURCE_ID}-${TARGET_ID}`,
    lastOffboardingInstanceId: null,
    healthHistory: [],
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/** Builds a health result checked `index` hours after midnight, its one finding padded to `reasonLength`. */
export function healthResult(index: number, reasonLength = 20): HealthCheckResult {
  return {
    checkedAt: new Date(Date.UTC(2026, 0, 2, index)).toISOString(),
    verdict: "degraded",
    findings: [{ rule: "jobQuarantined", severity: "degraded", reason: `r${index} ${"x".repeat(reasonLength)}` }],
    durationMs: 1200,
    remediations: [],
    instanceId: `health-${index}`,
  };
}

/** Tenant id number `n` in GUID form, so that records sort by `n`. */
export function tenantId(n: number): string {
  return `${n.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`;
}
