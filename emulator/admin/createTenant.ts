import { randomUUID } from "node:crypto";

import { FIXTURE_APP_ROLES, FIXTURE_CLIENT_ID } from "../fixture";
import type { GroupRecord, TenantDirectory, UserRecord } from "../state/model";
import { AdminError } from "./adminResult";

/** Users of a created tenant: the first three are members of its "All Employees" group, the fourth is not. */
const CREATED_TENANT_USERS = [
  { alias: "AvaK", givenName: "Ava", surname: "Khan" },
  { alias: "BenO", givenName: "Ben", surname: "O'Neil" },
  { alias: "CaraM", givenName: "Cara", surname: "Mills" },
  { alias: "DevN", givenName: "Dev", surname: "Nair" },
];
const GROUP_MEMBER_COUNT = 3;

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;

export interface CreateTenantRequest {
  displayName: string;
  defaultDomainName: string;
}

/** Validates `{displayName, defaultDomainName?}`; the domain defaults to a random `*.onmicrosoft.com` name. */
export function parseCreateTenantRequest(body: unknown): CreateTenantRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AdminError(400, "The request body must be a JSON object with 'displayName'.");
  }
  const { displayName, defaultDomainName, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) {
    throw new AdminError(400, `Unknown property '${unknown}'. Known properties: displayName, defaultDomainName.`);
  }
  if (typeof displayName !== "string" || displayName.trim() === "") {
    throw new AdminError(400, "'displayName' is required: a non-empty string.");
  }
  if (
    defaultDomainName !== undefined &&
    (typeof defaultDomainName !== "string" || !DOMAIN_PATTERN.test(defaultDomainName))
  ) {
    throw new AdminError(400, "'defaultDomainName' must be a domain name such as contoso.onmicrosoft.com.");
  }
  const domain = defaultDomainName ?? `t${randomUUID().replaceAll("-", "").slice(0, 12)}.onmicrosoft.com`;
  return { displayName, defaultDomainName: domain };
}

/**
 * Builds a new tenant with a random id, four users, an "All Employees" group of three of them, and the fixture app
 * consented with `FIXTURE_APP_ROLES`. Object ids are random, creation times are the current time.
 */
export function buildCreatedTenant(request: CreateTenantRequest, now: number): TenantDirectory {
  const created = new Date(now).toISOString();
  const domain = request.defaultDomainName;
  const users = CREATED_TENANT_USERS.map((user): UserRecord => {
    const address = `${user.alias}@${domain}`;
    return {
      resource: {
        id: randomUUID(),
        displayName: `${user.givenName} ${user.surname}`,
        givenName: user.givenName,
        surname: user.surname,
        mail: address,
        userPrincipalName: address,
        userType: "Member",
        accountEnabled: true,
        creationType: null,
        externalUserState: null,
        externalUserStateChangeDateTime: null,
        showInAddressList: null,
        jobTitle: null,
        businessPhones: [],
        mobilePhone: null,
        officeLocation: null,
        preferredLanguage: "en-US",
        createdDateTime: created,
      },
      syncSource: null,
    };
  });
  const group: GroupRecord = {
    resource: {
      id: randomUUID(),
      displayName: "All Employees",
      description: "All Employees of the organisation",
      mail: `allemployees@${domain}`,
      mailEnabled: true,
      mailNickname: "allemployees",
      securityEnabled: true,
      groupTypes: ["Unified"],
      createdDateTime: created,
    },
    memberIds: users.slice(0, GROUP_MEMBER_COUNT).map((user) => user.resource.id),
  };
  return {
    tenantId: randomUUID(),
    displayName: request.displayName,
    domains: [domain],
    users: new Map(users.map((user) => [user.resource.id, user])),
    groups: new Map([[group.resource.id, group]]),
    applications: new Map(),
    servicePrincipals: new Map(),
    partners: new Map(),
    provisioningLogs: [],
    grants: new Map([[FIXTURE_CLIENT_ID, [...FIXTURE_APP_ROLES]]]),
  };
}
