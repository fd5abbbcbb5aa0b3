import type { ActivityNames } from "../../shared/activityNames";
import type {
  AllowInboundSyncInput,
  AllowInboundSyncOutput,
  AssignPrincipalsInput,
  AssignPrincipalsOutput,
  CompensationOutput,
  CreateSyncApplicationInput,
  DeleteSyncApplicationInput,
  FlagOutcome,
  ObjectOutcome,
  PartnerStepInput,
  ReadServicePrincipalOutput,
  RemoveDuplicateSyncApplicationsInput,
  RemoveDuplicateSyncApplicationsOutput,
  RemoveAppRoleAssignmentInput,
  RemoveIdentitySynchronizationInput,
  ResolveTenantsInput,
  ResolveTenantsOutput,
  RestoreInboundSyncInput,
  RestorePartnerFlagInput,
  SaveSyncSecretsInput,
  ServicePrincipalInput,
  SyncApplication,
  SyncJobInput,
  SyncJobStatus,
  ValidateSyncCredentialsInput,
  ValidateSyncCredentialsOutput,
  VerifyScopePrincipalsInput,
  VerifyScopePrincipalsOutput,
} from "../../shared/onboardingContracts";
import type { DeprovisioningProgress, ReadDeprovisioningInput } from "../../shared/offboardingContracts";
import type {
  RecordOnboardingFailedInput,
  RecordOnboardingStartedInput,
  RecordOnboardingSucceededInput,
  RegistryWriteOutput,
} from "../../shared/registryContracts";
import type { SnapshotTenantPairInput, TenantPairSnapshot } from "../../shared/tenantPairSnapshot";

/** Input and output of each onboarding and compensating activity, as the orchestrator calls it. */
export interface OnboardingActivities {
  [ActivityNames.resolveTenants]: { input: ResolveTenantsInput; output: ResolveTenantsOutput };
  [ActivityNames.verifyScopePrincipals]: { input: VerifyScopePrincipalsInput; output: VerifyScopePrincipalsOutput };
  [ActivityNames.snapshotTenantPair]: { input: SnapshotTenantPairInput; output: TenantPairSnapshot };
  [ActivityNames.ensureTargetPartner]: { input: PartnerStepInput; output: ObjectOutcome };
  [ActivityNames.allowInboundSync]: { input: AllowInboundSyncInput; output: AllowInboundSyncOutput };
  [ActivityNames.enableTargetAutoRedemption]: { input: PartnerStepInput; output: FlagOutcome };
  [ActivityNames.ensureSourcePartner]: { input: PartnerStepInput; output: ObjectOutcome };
  [ActivityNames.enableSourceAutoRedemption]: { input: PartnerStepInput; output: FlagOutcome };
  [ActivityNames.createSyncApplication]: { input: CreateSyncApplicationInput; output: SyncApplication };
  [ActivityNames.readServicePrincipal]: { input: ServicePrincipalInput; output: ReadServicePrincipalOutput };
  [ActivityNames.removeDuplicateSyncApplications]: {
    input: RemoveDuplicateSyncApplicationsInput;
    output: RemoveDuplicateSyncApplicationsOutput;
  };
  [ActivityNames.validateSyncCredentials]: {
    input: ValidateSyncCredentialsInput;
    output: ValidateSyncCredentialsOutput;
  };
  [ActivityNames.createSyncJob]: { input: ServicePrincipalInput; output: ObjectOutcome };
  [ActivityNames.saveSyncSecrets]: { input: SaveSyncSecretsInput; output: null };
  [ActivityNames.assignPrincipals]: { input: AssignPrincipalsInput; output: AssignPrincipalsOutput };
  [ActivityNames.startSyncJob]: { input: SyncJobInput; output: null };
  [ActivityNames.readSyncJobStatus]: { input: SyncJobInput; output: SyncJobStatus };
  [ActivityNames.removeAppRoleAssignment]: { input: RemoveAppRoleAssignmentInput; output: CompensationOutput };
  [ActivityNames.deleteSyncJob]: { input: SyncJobInput; output: CompensationOutput };
  [ActivityNames.deleteSyncApplication]: { input: DeleteSyncApplicationInput; output: CompensationOutput };
  [ActivityNames.restorePartnerFlag]: { input: RestorePartnerFlagInput; output: CompensationOutput };
  [ActivityNames.removeIdentitySynchronization]: {
    input: RemoveIdentitySynchronizationInput;
    output: CompensationOutput;
  };
  [ActivityNames.restoreInboundSync]: { input: RestoreInboundSyncInput; output: CompensationOutput };
  [ActivityNames.deletePartner]: { input: PartnerStepInput; output: CompensationOutput };
  [ActivityNames.readDeprovisioningProgress]: { input: ReadDeprovisioningInput; output: DeprovisioningProgress };
  [ActivityNames.recordOnboardingStarted]: { input: RecordOnboardingStartedInput; output: RegistryWriteOutput };
  [ActivityNames.recordOnboardingSucceeded]: { input: RecordOnboardingSucceededInput; output: RegistryWriteOutput };
  [ActivityNames.recordOnboardingFailed]: { input: RecordOnboardingFailedInput; output: RegistryWriteOutput };
}

export type OnboardingActivityName = keyof OnboardingActivities;
