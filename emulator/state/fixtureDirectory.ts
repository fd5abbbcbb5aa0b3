import * as fixture from "../fixture";
import type { GroupRecord, TenantDirectory, UserRecord, UserResource } from "./model";

/** Fixed creation time of fixture objects, so that dumps are the same in every run. */
const FIXTURE_CREATED = "2024-01-15T09:00:00Z";

interface FixtureUser {
  id: string;
  alias: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  accountEnabled?: boolean;
}

interface FixtureGroup {
  id: string;
  displayName: string;
  mailNickname: string;
  memberIds: string[];
}

const TENANT_A_USERS: FixtureUser[] = [
  {
    id: "a1000000-0000-4000-8000-000000000001",
    alias: "AdeleV",
    givenName: "Adele",
    surname: "Vance",
    jobTitle: "Retail Manager",
  },
  {
    id: "a1000000-0000-4000-8000-000000000002",
    alias: "AlexW",
    givenName: "Alex",
    surname: "Wilber",
    jobTitle: "Marketing Assistant",
  },
  {
    id: "a1000000-0000-4000-8000-000000000003",
    alias: "DiegoS",
    givenName: "Diego",
    surname: "Siciliani",
    jobTitle: "HR Manager",
  },
  {
    id: "a1000000-0000-4000-8000-000000000004",
    alias: "IsaiahL",
    givenName: "Isaiah",
    surname: "Langer",
    jobTitle: "Sales Rep",
  },
  {
    id: "a1000000-0000-4000-8000-000000000005",
    alias: "LynneR",
    givenName: "Lynne",
    surname: "Robbins",
    jobTitle: "Planner",
    accountEnabled: false,
  },
  {
    id: "a1000000-0000-4000-8000-000000000006",
    alias: "MeganB",
    givenName: "Megan",
    surname: "Bowen",
    jobTitle: "Auditor",
  },
];

const TENANT_A_GROUPS: FixtureGroup[] = [
  {
    id: fixture.ALL_EMPLOYEES_GROUP_ID,
    displayName: "All Employees",
    mailNickname: "allemployees",
    // Every enabled user but MeganB, so a direct assignment of MeganB adds someone the group does not cover.
    memberIds: TENANT_A_USERS.filter((user) => user.alias !== "MeganB" && user.accountEnabled !== false).map(
      (user) => user.id,
    ),
  },
  {
    id: fixture.ENGINEERING_GROUP_ID,
    displayName: "Engineering",
    mailNickname: "engineering",
    // Holds the disabled LynneR, which provisioning must skip when the group is in scope.
    memberIds: [
      "a1000000-0000-4000-8000-000000000003",
      "a1000000-0000-4000-8000-000000000004",
      "a1000000-0000-4000-8000-000000000005",
    ],
  },
];

const TENANT_B_USERS: FixtureUser[] = [
  {
    id: "b1000000-0000-4000-8000-000000000001",
    alias: "GradyA",
    givenName: "Grady",
    surname: "Archie",
    jobTitle: "Designer",
  },
  {
    id: "b1000000-0000-4000-8000-000000000002",
    alias: "HenriettaM",
    givenName: "Henrietta",
    surname: "Mueller",
    jobTitle: "Developer",
  },
];

const TENANT_C_USERS: FixtureUser[] = [
  {
    id: "c1000000-0000-4000-8000-000000000001",
    alias: "JoniS",
    givenName: "Joni",
    surname: "Sherman",
    jobTitle: "Paralegal",
  },
  {
    id: "c1000000-0000-4000-8000-000000000002",
    alias: "PattiO",
    givenName: "Patti",
    surname: "O'Fernandez",
    jobTitle: "Director",
  },
];

function buildUser(user: FixtureUser, domain: string): UserRecord {
  const address = `${user.alias}@${domain}`;
  const resource: UserResource = {
    id: user.id,
    displayName: `${user.givenName} ${user.surname}`,
    givenName: user.givenName,
    surname: user.surname,
    mail: address,
    userPrincipalName: address,
    userType: "Member",
    accountEnabled: user.accountEnabled ?? true,
    creationType: null,
    externalUserState: null,
    externalUserStateChangeDateTime: null,
    showInAddressList: null,
    jobTitle: user.jobTitle,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: "en-US",
    createdDateTime: FIXTURE_CREATED,
  };
  return { resource, syncSource: null };
}

function buildGroup(group: FixtureGroup, domain: string): GroupRecord {
  return {
    resource: {
      id: group.id,
      displayName: group.displayName,
      description: `${group.displayName} of the organisation`,
      mail: `${group.mailNickname}@${domain}`,
      mailEnabled: true,
      mailNickname: group.mailNickname,
      securityEnabled: true,
      groupTypes: ["Unified"],
      createdDateTime: FIXTURE_CREATED,
    },
    memberIds: [...group.memberIds],
  };
}

function buildTenant(info: fixture.FixtureTenantInfo, users: FixtureUser[], groups: FixtureGroup[]): TenantDirectory {
  const domain = info.defaultDomainName;
  return {
    tenantId: info.tenantId,
    displayName: info.displayName,
    domains: [domain],
    users: new Map(users.map((user) => [user.id, buildUser(user, domain)])),
    groups: new Map(groups.map((group) => [group.id, buildGroup(group, domain)])),
    applications: new Map(),
    servicePrincipals: new Map(),
    partners: new Map(),
    provisioningLogs: [],
    grants: new Map([[fixture.FIXTURE_CLIENT_ID, [...fixture.FIXTURE_APP_ROLES]]]),
  };
}

/** Builds fresh fixture tenants A (source), B (target) and C, keyed by tenant id. */
export function buildFixtureTenants(): Map<string, TenantDirectory> {
  const [infoA, infoB, infoC] = fixture.FIXTURE_TENANTS;
  if (infoA === undefined || infoB === undefined || infoC === undefined) {
    throw new Error("The fixture must define three tenants.");
  }
  const tenants = [
    buildTenant(infoA, TENANT_A_USERS, TENANT_A_GROUPS),
    buildTenant(infoB, TENANT_B_USERS, []),
    buildTenant(infoC, TENANT_C_USERS, []),
  ];
  return new Map(tenants.map((tenant) => [tenant.tenantId, tenant]));
}

/** Registered client apps: client id → secret. */
export function buildFixtureClients(): Map<string, string> {
  return new Map([[fixture.FIXTURE_CLIENT_ID, fixture.FIXTURE_CLIENT_SECRET]]);
}
