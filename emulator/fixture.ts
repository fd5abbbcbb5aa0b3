/**
 * Fixed identifiers of the emulator's fixture: three tenants and one multi-tenant app consented in all of them.
 * Tests, the demo and local settings use these constants, so they never change between runs.
 */

/** Source tenant of the demo flow. */
export const TENANT_A_ID = "140f6c96-5df3-4992-8dcc-2d8f2c6e7eee";
export const TENANT_A_NAME = "Tenant A";
export const TENANT_A_DOMAIN = "M365x15302292.onmicrosoft.com";

/** Target tenant of the demo flow. */
export const TENANT_B_ID = "1cd52b79-e2d1-4e0c-bbe5-3c6d45b8e1ce";
export const TENANT_B_NAME = "Tenant B";
export const TENANT_B_DOMAIN = "M365x19742525.onmicrosoft.com";

/** A third tenant, unrelated to the demo pair. */
export const TENANT_C_ID = "7c3f9b12-4e5a-4d8b-9c21-5e6f7a8b9c0d";
export const TENANT_C_NAME = "Tenant C";
export const TENANT_C_DOMAIN = "M365x48213976.onmicrosoft.com";

/** The automation's multi-tenant app registration (client credentials). */
export const FIXTURE_CLIENT_ID = "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c";
export const FIXTURE_CLIENT_SECRET = "emulator-client-secret";

/** Group "All Employees" in tenant A: every enabled tenant A user except MeganB, who is in no group. */
export const ALL_EMPLOYEES_GROUP_ID = "a2000000-0000-4000-8000-000000000001";
/** Group "Engineering" in tenant A. */
export const ENGINEERING_GROUP_ID = "a2000000-0000-4000-8000-000000000002";

/** Gallery application template of cross-tenant synchronization, the same id as in Entra. */
export const CROSS_TENANT_SYNC_TEMPLATE_ID = "518e5f48-1fc8-4c48-9387-9fdf28b0dfe7";

/** App roles (application permissions) granted to the fixture app in every fixture tenant. */
export const FIXTURE_APP_ROLES: readonly string[] = Object.freeze([
  "Application.ReadWrite.All",
  "AppRoleAssignment.ReadWrite.All",
  "AuditLog.Read.All",
  "CrossTenantInformation.ReadBasic.All",
  "Group.Read.All",
  "Policy.Read.All",
  "Policy.ReadWrite.CrossTenantAccess",
  "Synchronization.ReadWrite.All",
  "User.Read.All",
]);

export interface FixtureTenantInfo {
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
}

export const FIXTURE_TENANTS: readonly FixtureTenantInfo[] = Object.freeze([
  { tenantId: TENANT_A_ID, displayName: TENANT_A_NAME, defaultDomainName: TENANT_A_DOMAIN },
  { tenantId: TENANT_B_ID, displayName: TENANT_B_NAME, defaultDomainName: TENANT_B_DOMAIN },
  { tenantId: TENANT_C_ID, displayName: TENANT_C_NAME, defaultDomainName: TENANT_C_DOMAIN },
]);
