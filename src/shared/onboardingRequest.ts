/**
 * Input of the `onboardTenantPair` orchestration. The HTTP starter builds it after validating the request and
 * resolving both tenants. It is stored in orchestration history in plain text, so it must never hold a secret.
 */
export interface OnboardingRequest {
  /** Source tenant as the caller wrote it: a tenant id (GUID) or a domain name. */
  source: string;
  /** Target tenant as the caller wrote it: a tenant id (GUID) or a domain name. */
  target: string;
  /** Lower-case tenant id of the source, resolved by the starter. */
  sourceTenantId: string;
  /** Lower-case tenant id of the target, resolved by the starter. */
  targetTenantId: string;
  /** Name of the sync application and the identity synchronization policy. The orchestrator derives one if absent. */
  configurationName?: string;
  /** Object ids of the source users and groups to assign to the sync application. */
  scope: OnboardingScope;
  /** Whether a failed run undoes what it created or changed. Absent means true. */
  rollbackOnFailure?: boolean;
  waits: OnboardingWaits;
}

export interface OnboardingScope {
  users: string[];
  groups: string[];
}

/**
 * Upper bounds, in seconds, of the orchestration's durable waits. The starter copies them from the settings because
 * orchestrator code may not read settings.
 */
export interface OnboardingWaits {
  replicationTimeoutSeconds: number;
  policyPropagationTimeoutSeconds: number;
  firstCycleTimeoutSeconds: number;
  /**
   * Maximum time a rollback waits for sync cycles to delete the users that the run's job synced, copied from
   * `OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS`. Inputs of runs started before this field existed lack it, and their
   * rollback does not wait.
   */
  deprovisionTimeoutSeconds?: number;
}
