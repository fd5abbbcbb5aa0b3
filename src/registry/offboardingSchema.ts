import { z } from "zod";

import type { OffboardingRecord } from "./offboardingRecord";

/** Shape of a record's `offboarding` property, checked when an entity is read back. */

const objectType = z.enum([
  "partner",
  "identitySynchronization",
  "application",
  "servicePrincipal",
  "synchronizationJob",
  "appRoleAssignment",
  "policyFlag",
]);

const change = z.object({
  action: z.enum(["unassign", "delete", "restore", "pause"]),
  tenantId: z.string(),
  objectType,
  id: z.string(),
  alreadyDone: z.boolean(),
});

const result = z.object({
  sourceTenantId: z.string(),
  targetTenantId: z.string(),
  keepSyncedUsers: z.boolean(),
  unassignedCount: z.number(),
  deprovisioning: z
    .object({
      outcome: z.enum(["removed", "noJob"]),
      deletedCount: z.number(),
      synchronizedCount: z.number().nullable(),
    })
    .nullable(),
  changes: z.array(change),
  kept: z.array(z.object({ tenantId: z.string(), objectType, id: z.string() })),
});

export const offboardingSchema: z.ZodType<OffboardingRecord> = z.object({
  instanceId: z.string(),
  keepSyncedUsers: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  result: result.nullable(),
  error: z
    .object({
      step: z.string(),
      message: z.string(),
      graphCode: z.string().optional(),
      requestId: z.string().optional(),
      at: z.string(),
    })
    .nullable(),
});
