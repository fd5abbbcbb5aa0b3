import type { TenantPairIds } from "./onboardingContracts";

/**
 * State of a tenant pair before an onboarding run writes anything, read by the `snapshotTenantPair` activity. The
 * orchestrator keeps it in history, so a host crash after a write cannot make the run forget what it found in place.
 * It holds ids and flags only, never a secret.
 */
export interface TenantPairSnapshot {
  /** The target's partner configuration for the source. `inboundAllowed` is null when inherited or absent. */
  targetPartner: { exists: boolean; inboundAllowed: boolean | null };
  /** The target's identity synchronization policy for the source. `isSyncAllowed` is null when unset or absent. */
  identitySynchronization: { exists: boolean; isSyncAllowed: boolean | null };
  /** The source's partner configuration for the target. `outboundAllowed` is null when inherited or absent. */
  sourcePartner: { exists: boolean; outboundAllowed: boolean | null };
  /** Applications in the source made from the sync template with the run's configuration name. */
  syncApplications: SnapshotApplication[];
}

export interface SnapshotApplication {
  /** Object id of the application. */
  applicationId: string;
  appId: string;
  /** Null when no service principal was visible by `appId`, e.g. while it replicates. */
  servicePrincipalId: string | null;
  /** Ids of the service principal's `Azure2Azure` jobs; null when they could not be read (no service principal, 404). */
  jobIds: string[] | null;
  /** App role assignments on the service principal; null when they could not be read (no service principal, 404). */
  assignments: SnapshotAssignment[] | null;
}

export interface SnapshotAssignment {
  assignmentId: string;
  principalId: string;
}

export interface SnapshotTenantPairInput extends TenantPairIds {
  configurationName: string;
}
