import type { TenantDirectory, UserResource } from "../state/model";
import { AdminError, type AdminResult } from "./adminResult";

/** User properties the admin API may change, with the JSON type each takes. */
const EDITABLE_USER_PROPERTIES: Record<string, "string" | "nullableString" | "boolean" | "userType"> = {
  displayName: "string",
  givenName: "nullableString",
  surname: "nullableString",
  mail: "nullableString",
  jobTitle: "nullableString",
  accountEnabled: "boolean",
  userType: "userType",
};

/** Values Graph documents for a user's `userType`. */
const USER_TYPES = ["Member", "Guest"];

/**
 * Changes a user as an admin would in the portal, so that sync cycles have attribute changes to export.
 * Graph's own `PATCH /users/{id}` is not emulated.
 */
export function patchUser(tenant: TenantDirectory, userId: string, body: Record<string, unknown>): AdminResult {
  const user = tenant.users.get(userId.toLowerCase());
  if (user === undefined) {
    throw new AdminError(404, `User '${userId}' was not found in tenant '${tenant.tenantId}'.`);
  }
  for (const [name, value] of Object.entries(body)) {
    const type = EDITABLE_USER_PROPERTIES[name];
    if (type === undefined) {
      const known = Object.keys(EDITABLE_USER_PROPERTIES).join(", ");
      throw new AdminError(400, `Property '${name}' cannot be changed. Editable properties: ${known}.`);
    }
    const valid =
      (type === "boolean" && typeof value === "boolean") ||
      (type === "userType" && typeof value === "string" && USER_TYPES.includes(value)) ||
      (type === "string" && typeof value === "string" && value !== "") ||
      (type === "nullableString" && (value === null || typeof value === "string"));
    if (!valid) {
      const expected = type === "boolean" ? "a boolean" : type === "userType" ? "Member or Guest" : "a string";
      throw new AdminError(400, `Invalid value for '${name}': expected ${expected}.`);
    }
  }
  Object.assign(user.resource, body as Partial<UserResource>);
  return { status: 200, body: { ...user.resource } };
}
