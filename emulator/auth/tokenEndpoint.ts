import { randomUUID } from "node:crypto";
import type { EmulatorState } from "../state/emulatorState";
import { TOKEN_LIFETIME_SECONDS } from "./tokenStore";

/** Resource of Microsoft Graph in Entra: its URI and its well-known app id. */
const GRAPH_RESOURCES = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Builds an error in the shape of Entra's token endpoint, with its AADSTS number. */
function tokenError(
  status: number,
  error: string,
  aadstsCode: number,
  description: string,
  now: number,
): TokenResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    status,
    body: {
      error,
      error_description:
        `AADSTS${aadstsCode}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\n` +
        `Timestamp: ${timestamp}`,
      error_codes: [aadstsCode],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}

/**
 * Handles `POST /{tenant}/oauth2/v2.0/token` with the client-credentials grant, where `{tenant}` is a tenant id or
 * domain. The token carries the app roles granted to the client in that tenant.
 */
export function issueToken(state: EmulatorState, tenantName: string, formBody: string): TokenResponse {
  const now = state.now();
  const form = new URLSearchParams(formBody);
  const tenant = state.findTenant(tenantName);
  if (tenant === undefined) {
    return tokenError(400, "invalid_request", 90002, `Tenant '${tenantName}' not found.`, now);
  }
  const grantType = form.get("grant_type");
  if (grantType === null) {
    return tokenError(400, "invalid_request", 900144, "The request body must contain the parameter 'grant_type'.", now);
  }
  if (grantType !== "client_credentials") {
    return tokenError(400, "unsupported_grant_type", 70003, `The grant type '${grantType}' is not supported.`, now);
  }

  const clientId = form.get("client_id");
  if (clientId === null || clientId === "") {
    return tokenError(400, "invalid_request", 900144, "The request body must contain the parameter 'client_id'.", now);
  }
  const secret = state.clients.get(clientId.toLowerCase());
  const roles = tenant.grants.get(clientId.toLowerCase());
  if (secret === undefined || roles === undefined) {
    // NOTE: Entra returns 400 unauthorized_client for an unknown or unconsented client. The emulator returns 401.
    const description = `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'.`;
    return tokenError(401, "invalid_client", 700016, description, now);
  }
  if (form.get("client_secret") !== secret) {
    return tokenError(401, "invalid_client", 7000215, "Invalid client secret provided.", now);
  }

  const scope = form.get("scope");
  if (scope === null || scope === "") {
    return tokenError(400, "invalid_request", 900144, "The request body must contain the parameter 'scope'.", now);
  }
  if (!scope.endsWith("/.default")) {
    return tokenError(400, "invalid_scope", 1002012, `The provided value for scope '${scope}' is not valid.`, now);
  }
  const resource = scope.slice(0, -"/.default".length);
  if (!GRAPH_RESOURCES.includes(resource.toLowerCase())) {
    return tokenError(400, "invalid_resource", 500011, `The resource principal named ${resource} was not found.`, now);
  }

  return {
    status: 200,
    body: {
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: state.tokens.issue(tenant.tenantId, clientId.toLowerCase(), roles, now),
    },
  };
}
