import type { TenantPairState } from "../registry/tenantPairRecord";
import type { TenantInfo } from "./onboardingContracts";
import type { OnboardingResult } from "./onboardingResult";

/** Input of `recordOnboardingStarted`: the resolved tenants, before the first Graph write. */
export interface RecordOnboardingStartedInput {
  instanceId: string;
  source: TenantInfo;
  target: TenantInfo;
  configurationName: string;
}

/** Input of `recordOnboardingSucceeded`: the orchestration's result, whose object records give the ids. */
export interface RecordOnboardingSucceededInput {
  instanceId: string;
  result: OnboardingResult;
}

export interface RecordOnboardingFailedInput {
  instanceId: string;
  sourceTenantId: string;
  targetTenantId: string;
}

/** Output of the registry activities: the pair's state after the write, or null when no record exists. */
export interface RegistryWriteOutput {
  state: TenantPairState | null;
}
