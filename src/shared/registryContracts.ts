import type { TenantPairState } from "../registry/tenantPairRecord";
import type { TenantInfo } from "./onboardingContracts";
import type { OnboardingResult, TenantObjectRecord } from "./onboardingResult";

/** Input of `recordOnboardingStarted`: the resolved tenants, before the first Graph write. */
export interface RecordOnboardingStartedInput {
  instanceId: string;
  source: TenantInfo;
  target: TenantInfo;
  configurationName: string;
}

/**
 * Input of `recordOnboardingSucceeded`: the orchestration's result, whose object records give the ids. It holds
 * everything a record needs, so the activity creates the record when the registry lost it.
 */
export interface RecordOnboardingSucceededInput {
  instanceId: string;
  result: OnboardingResult;
}

/** The resolved tenants and configuration name of a run, from which a lost registry record is created again. */
export interface RegisteredPair {
  source: TenantInfo;
  target: TenantInfo;
  configurationName: string;
}

export interface RecordOnboardingFailedInput {
  instanceId: string;
  sourceTenantId: string;
  targetTenantId: string;
  /** Set once the run registered the pair; without it a pair with no record is left without one. */
  pair?: RegisteredPair;
  /**
   * Objects of the run that are still in place: those it adopted, and those it created or changed and did not undo
   * (the rollback's `leftBehind`, or everything when the rollback was skipped). Merged into the record's objects.
   */
  objects?: { source: TenantObjectRecord[]; target: TenantObjectRecord[] };
}

/** Output of the registry activities: the pair's state after the write, or null when no record exists. */
export interface RegistryWriteOutput {
  state: TenantPairState | null;
}
