import type { HttpRequest } from "@azure/functions";
import { z } from "zod";

import { readJsonObjectBody } from "./jsonBody";
import { type FieldProblem, toJsonPointer } from "./problemDetails";
import { isGuid } from "./tenantReference";

/** A validated `DELETE /api/tenant-pairs/{sourceTenantId}/{targetTenantId}`. Tenant ids are lower-case. */
export interface OffboardingHttpRequest {
  sourceTenantId: string;
  targetTenantId: string;
  keepSyncedUsers: boolean;
}

export type OffboardingValidation = { ok: true; value: OffboardingHttpRequest } | { ok: false; errors: FieldProblem[] };

const bodySchema = z.strictObject(
  { keepSyncedUsers: z.boolean({ error: "must be true or false" }).optional() },
  { error: "must be a JSON object" },
);

/**
 * Validates the route's tenant ids and the optional body `{"keepSyncedUsers": boolean}`. An empty body means
 * `keepSyncedUsers: false`; a body that is present must be a JSON object sent as application/json without other
 * fields. Path problems use the pointer "" and name the parameter, because JSON Pointers point into the body.
 */
export async function validateOffboardingRequest(request: HttpRequest): Promise<OffboardingValidation> {
  const errors: FieldProblem[] = [];
  const ids: Record<string, string> = {};
  for (const name of ["sourceTenantId", "targetTenantId"] as const) {
    const value = request.params[name] ?? "";
    if (isGuid(value)) {
      ids[name] = value.toLowerCase();
    } else {
      errors.push({
        pointer: "",
        detail: `Path parameter ${name} '${value.slice(0, 100)}' must be a tenant id (GUID).`,
      });
    }
  }
  if (ids.sourceTenantId !== undefined && ids.sourceTenantId === ids.targetTenantId) {
    errors.push({
      pointer: "",
      detail: "Path parameters sourceTenantId and targetTenantId must name different tenants.",
    });
  }

  let keepSyncedUsers = false;
  const text = await request.clone().text();
  if (text.trim() !== "") {
    const body = await readJsonObjectBody(request);
    if (!body.ok) {
      errors.push(body.problem);
    } else {
      const parsed = bodySchema.safeParse(body.value);
      if (parsed.success) {
        keepSyncedUsers = parsed.data.keepSyncedUsers ?? false;
      } else {
        errors.push(...parsed.error.issues.flatMap(toFieldProblems));
      }
    }
  }
  if (errors.length > 0 || ids.sourceTenantId === undefined || ids.targetTenantId === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { sourceTenantId: ids.sourceTenantId, targetTenantId: ids.targetTenantId, keepSyncedUsers },
  };
}

function toFieldProblems(issue: z.core.$ZodIssue): FieldProblem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ pointer: toJsonPointer([...issue.path, key]), detail: "is not a known field" }));
  }
  return [{ pointer: toJsonPointer(issue.path), detail: issue.message }];
}
