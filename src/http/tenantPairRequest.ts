import { z } from "zod";

import { MAX_CONFIGURATION_NAME_LENGTH, hasControlCharacter } from "../shared/configurationName";
import { type FieldProblem, toJsonPointer } from "./problemDetails";
import { isGuid, isTenantReference } from "./tenantReference";

/** Maximum number of object ids in each of `scope.users` and `scope.groups`. */
export const MAX_SCOPE_IDS = 1000;

/** Body of `POST /api/tenant-pairs` after validation. Object ids are lower-case. */
export interface TenantPairRequest {
  source: string;
  target: string;
  configurationName?: string;
  scope: { users: string[]; groups: string[] };
  /** Whether a failed onboarding undoes what it created or changed; true unless the body sets false. */
  rollbackOnFailure: boolean;
}

export type TenantPairValidation = { ok: true; value: TenantPairRequest } | { ok: false; errors: FieldProblem[] };

const tenantReference = z
  .string({ error: "must be a string" })
  .refine(isTenantReference, { error: "must be a tenant id (GUID) or a domain name such as contoso.onmicrosoft.com" });

const objectIds = z
  .array(z.string({ error: "must be a string" }).refine(isGuid, { error: "must be an object id (GUID)" }), {
    error: "must be an array of object ids",
  })
  .max(MAX_SCOPE_IDS, { error: `must hold at most ${MAX_SCOPE_IDS} object ids` })
  .superRefine((ids, context) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      const key = typeof id === "string" ? id.toLowerCase() : undefined;
      if (key !== undefined && seen.has(key)) {
        context.addIssue({ code: "custom", path: [index], message: `repeats the object id ${id}` });
      }
      if (key !== undefined) {
        seen.add(key);
      }
    });
  });

const configurationName = z
  .string({ error: "must be a string" })
  .min(1, { error: "must not be empty" })
  .refine((name) => Array.from(name).length <= MAX_CONFIGURATION_NAME_LENGTH, {
    error: `must be at most ${MAX_CONFIGURATION_NAME_LENGTH} characters long`,
  })
  .refine((name) => !hasControlCharacter(name), { error: "must not contain control characters" })
  .refine((name) => name === "" || name.trim() !== "", { error: "must not be blank" });

const requestSchema = z.strictObject(
  {
    source: tenantReference,
    target: tenantReference,
    configurationName: configurationName.optional(),
    scope: z.strictObject(
      { users: objectIds.optional(), groups: objectIds.optional() },
      { error: "must be an object with users and/or groups" },
    ),
    rollbackOnFailure: z.boolean({ error: "must be true or false" }).optional(),
  },
  { error: "must be a JSON object" },
);

/**
 * Validates the body of `POST /api/tenant-pairs` and lists every problem at once, each with a JSON Pointer to the
 * field. Unknown fields are problems at any depth.
 */
export function validateTenantPairRequest(body: unknown): TenantPairValidation {
  const parsed = requestSchema.safeParse(body);
  const errors = parsed.success ? [] : parsed.error.issues.flatMap((issue) => toFieldProblems(issue, body));
  // Zod skips object-level refinements once a field has failed, so the checks across fields run here on the raw body.
  errors.push(...crossFieldProblems(body));
  if (!parsed.success || errors.length > 0) {
    return { ok: false, errors: errors.sort((a, b) => a.pointer.localeCompare(b.pointer)) };
  }
  const { users = [], groups = [] } = parsed.data.scope;
  const value: TenantPairRequest = {
    source: parsed.data.source,
    target: parsed.data.target,
    scope: { users: users.map((id) => id.toLowerCase()), groups: groups.map((id) => id.toLowerCase()) },
    rollbackOnFailure: parsed.data.rollbackOnFailure ?? true,
  };
  if (parsed.data.configurationName !== undefined) {
    value.configurationName = parsed.data.configurationName;
  }
  return { ok: true, value };
}

function toFieldProblems(issue: z.core.$ZodIssue, body: unknown): FieldProblem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ pointer: toJsonPointer([...issue.path, key]), detail: "is not a known field" }));
  }
  if (issue.code === "invalid_type" && issue.path.length > 0 && valueAt(body, issue.path) === undefined) {
    return [{ pointer: toJsonPointer(issue.path), detail: "is required" }];
  }
  return [{ pointer: toJsonPointer(issue.path), detail: issue.message }];
}

function crossFieldProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const { source, target, scope } = fields;
  if (typeof source === "string" && typeof target === "string" && source.toLowerCase() === target.toLowerCase()) {
    problems.push({ pointer: "/target", detail: "must name a different tenant than source" });
  }
  if (typeof scope === "object" && scope !== null && !Array.isArray(scope)) {
    const { users, groups } = scope as Record<string, unknown>;
    const isEmpty = (list: unknown): boolean => list === undefined || (Array.isArray(list) && list.length === 0);
    if (isEmpty(users) && isEmpty(groups)) {
      problems.push({ pointer: "/scope", detail: "must list at least one user or group" });
    }
  }
  return problems;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
