import type { TenantInformation } from "@microsoft/microsoft-graph-types";

import type { TenantInfo } from "../shared/onboardingContracts";
import type { GraphApi } from "./graphApi";
import { createGraphClient } from "./graphClient";
import { GraphRequestError, isGraphRequestError } from "./graphRequestError";
import { isGuid } from "./guid";
import { quoteODataString } from "./odataFilter";

/** No tenant has the id or verified domain that was given. */
export class TenantNotFoundError extends Error {
  readonly tenant: string;

  constructor(tenant: string, options?: { cause?: unknown }) {
    super(`Tenant '${tenant}' was not found: no Microsoft Entra tenant has this id or verified domain name.`, options);
    this.name = "TenantNotFoundError";
    this.tenant = tenant;
  }
}

// A domain name as Entra accepts it: labels of letters, digits and hyphens, separated by dots.
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

/** The lookup function for a tenant id (GUID) or a domain name; throws for anything else. */
export function tenantLookupPath(nameOrId: string): string {
  if (isGuid(nameOrId)) {
    return `/tenantRelationships/findTenantInformationByTenantId(tenantId=${quoteODataString(nameOrId)})`;
  }
  if (DOMAIN_PATTERN.test(nameOrId)) {
    return `/tenantRelationships/findTenantInformationByDomainName(domainName=${quoteODataString(nameOrId)})`;
  }
  throw new TypeError(`Tenant '${nameOrId}' is neither a tenant id (GUID) nor a domain name such as contoso.com.`);
}

/**
 * Tells whether a token request failed because the tenant does not exist. Entra rejects it with 400 and the documented
 * code AADSTS90002 ("Tenant not found") before any Graph request is made.
 */
function isUnknownTenantTokenError(error: GraphRequestError): boolean {
  return /\bAADSTS90002\b/.test(error.graphMessage);
}

/**
 * Resolves a tenant id or verified domain name to the tenant's id, display name and default domain. The request runs
 * with a token for the tenant that is looked up.
 * @throws TenantNotFoundError when Graph returns 404 or the token endpoint reports AADSTS90002.
 * @throws TypeError for a value that is neither a GUID nor a domain name.
 * @throws GraphRequestError for any other failure.
 */
export async function resolveTenant(
  nameOrId: string,
  clientFor: (tenant: string) => GraphApi = createGraphClient,
): Promise<TenantInfo> {
  const value = nameOrId.trim();
  const path = tenantLookupPath(value);
  let info: TenantInformation;
  try {
    info = await clientFor(value).get<TenantInformation>(path);
  } catch (error) {
    if (isGraphRequestError(error) && (error.kind === "notFound" || isUnknownTenantTokenError(error))) {
      throw new TenantNotFoundError(value, { cause: error });
    }
    throw error;
  }
  if (!info.tenantId) {
    throw new TenantNotFoundError(value);
  }
  return {
    tenantId: info.tenantId,
    displayName: info.displayName ?? "",
    defaultDomainName: info.defaultDomainName ?? "",
  };
}
