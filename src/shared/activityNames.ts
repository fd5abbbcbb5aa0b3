/**
 * Names under which the onboarding activities are registered. Orchestrators import these names, never the
 * activity modules, so that no Graph or settings code is loaded into orchestrator code.
 */
export const ActivityNames = {
  resolveTenants: "resolveTenants",
  verifyScopePrincipals: "verifyScopePrincipals",
  snapshotTenantPair: "snapshotTenantPair",
  ensureTargetPartner: "ensureTargetPartner",
  allowInboundSync: "allowInboundSync",
  enableTargetAutoRedemption: "enableTargetAutoRedemption",
  ensureSourcePartner: "ensureSourcePartner",
  enableSourceAutoRedemption: "enableSourceAutoRedemption",
  createSyncApplication: "createSyncApplication",
  readServicePrincipal: "readServicePrincipal",
  removeDuplicateSyncApplications: "removeDuplicateSyncApplications",
  validateSyncCredentials: "validateSyncCredentials",
  createSyncJob: "createSyncJob",
  saveSyncSecrets: "saveSyncSecrets",
  assignPrincipals: "assignPrincipals",
  startSyncJob: "startSyncJob",
  readSyncJobStatus: "readSyncJobStatus",
  removeAppRoleAssignment: "removeAppRoleAssignment",
  deleteSyncJob: "deleteSyncJob",
  deleteSyncApplication: "deleteSyncApplication",
  restorePartnerFlag: "restorePartnerFlag",
  removeIdentitySynchronization: "removeIdentitySynchronization",
  restoreInboundSync: "restoreInboundSync",
  deletePartner: "deletePartner",
  listTenantPairs: "listTenantPairs",
  inspectTenantPair: "inspectTenantPair",
  restartSyncJob: "restartSyncJob",
  recordHealthCheck: "recordHealthCheck",
  emitHealthMetrics: "emitHealthMetrics",
  recordOnboardingStarted: "recordOnboardingStarted",
  recordOnboardingSucceeded: "recordOnboardingSucceeded",
  recordOnboardingFailed: "recordOnboardingFailed",
  markPairOffboarding: "markPairOffboarding",
  unassignAllPrincipals: "unassignAllPrincipals",
  readDeprovisioningProgress: "readDeprovisioningProgress",
  pauseSyncJob: "pauseSyncJob",
  markPairOffboarded: "markPairOffboarded",
  recordOffboardingFailure: "recordOffboardingFailure",
} as const;

export type ActivityName = (typeof ActivityNames)[keyof typeof ActivityNames];

export const OrchestratorNames = {
  onboardTenantPair: "onboardTenantPair",
  checkAllTenantPairs: "checkAllTenantPairs",
  checkTenantPair: "checkTenantPair",
  offboardTenantPair: "offboardTenantPair",
} as const;
