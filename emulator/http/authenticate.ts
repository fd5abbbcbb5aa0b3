import type { EmulatorState } from "../state/emulatorState";
import { GraphError } from "./graphError";
import type { Caller } from "./routeTypes";

/** Resolves the bearer token of a Graph request to its caller, or throws Graph's 401. */
export function authenticate(state: EmulatorState, authorization: string | undefined): Caller {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (match === null || match[1] === undefined) {
    throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
  }
  const lookup = state.tokens.lookup(match[1], state.now());
  if (lookup.kind === "expired") {
    throw new GraphError(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
  }
  if (lookup.kind === "unknown") {
    const message = "Access token validation failure. Invalid audience or signature.";
    throw new GraphError(401, "InvalidAuthenticationToken", message);
  }
  return { tenantId: lookup.token.tenantId, clientId: lookup.token.clientId, roles: lookup.token.roles };
}

/** Throws Graph's 403 unless the caller has one of the permissions. */
export function authorize(caller: Caller, permissions: readonly string[]): void {
  if (!permissions.some((permission) => caller.roles.includes(permission))) {
    throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
}
