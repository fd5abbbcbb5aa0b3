import { z } from "zod";

import type { HealthCheckResult } from "./tenantPairRecord";
import type { TenantObjectRecord } from "../shared/onboardingResult";

/** Shapes of the JSON-valued properties of a registry entity, checked when an entity is read back. */

const verdict = z.enum(["healthy", "degraded", "unhealthy"]);

const objectRecord = z.object({
  type: z.enum([
    "partner",
    "identitySynchronization",
    "application",
    "servicePrincipal",
    "synchronizationJob",
    "appRoleAssignment",
    "policyFlag",
  ]),
  id: z.string(),
  created: z.boolean(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export const objectsSchema: z.ZodType<{ source: TenantObjectRecord[]; target: TenantObjectRecord[] }> = z.object({
  source: z.array(objectRecord),
  target: z.array(objectRecord),
});

export const healthHistorySchema: z.ZodType<HealthCheckResult[]> = z.array(
  z.object({
    checkedAt: z.string(),
    verdict,
    findings: z.array(
      z.object({ rule: z.string(), severity: verdict, reason: z.string(), code: z.string().optional() }),
    ),
    durationMs: z.number(),
    remediations: z.array(
      z.object({
        action: z.string(),
        at: z.string(),
        outcome: z.enum(["succeeded", "failed"]),
        detail: z.string(),
      }),
    ),
    instanceId: z.string(),
  }),
);

export const tenantPairStates = [
  "onboarding",
  "active",
  "degraded",
  "unhealthy",
  "failed",
  "offboarding",
  "offboarded",
] as const;
