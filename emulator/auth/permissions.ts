/**
 * Application permissions each group of endpoints accepts; a caller needs at least one of the listed roles.
 * Lists follow the Graph permission reference of each API, least privileged first.
 */
export const Permissions = {
  tenantLookup: ["CrossTenantInformation.ReadBasic.All"],
  policyRead: ["Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess"],
  policyWrite: ["Policy.ReadWrite.CrossTenantAccess"],
  applicationRead: [
    "Application.Read.All",
    "Application.ReadWrite.OwnedBy",
    "Application.ReadWrite.All",
    "Directory.Read.All",
  ],
  applicationWrite: ["Application.ReadWrite.OwnedBy", "Application.ReadWrite.All"],
  synchronizationRead: ["Synchronization.Read.All", "Synchronization.ReadWrite.All"],
  synchronizationWrite: ["Synchronization.ReadWrite.All"],
  assignmentRead: [
    "Application.Read.All",
    "AppRoleAssignment.ReadWrite.All",
    "Application.ReadWrite.All",
    "Directory.Read.All",
  ],
  assignmentWrite: ["AppRoleAssignment.ReadWrite.All"],
  userRead: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All"],
  groupRead: ["Group.Read.All", "GroupMember.Read.All", "Directory.Read.All"],
  auditLogRead: ["AuditLog.Read.All"],
} as const satisfies Record<string, readonly string[]>;

/** Roles that reach every application object, not only those the caller owns. */
export const TENANT_WIDE_APPLICATION_ROLES: readonly string[] = [
  "Application.Read.All",
  "Application.ReadWrite.All",
  "Directory.Read.All",
];
