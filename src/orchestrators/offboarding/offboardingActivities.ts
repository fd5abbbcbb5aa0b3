import type { ActivityNames } from "../../shared/activityNames";
import type {
  DeprovisioningProgress,
  MarkOffboardedInput,
  MarkOffboardingInput,
  OffboardingSubject,
  PauseSyncJobInput,
  ReadDeprovisioningInput,
  RecordOffboardingFailureInput,
  UnassignAllPrincipalsOutput,
} from "../../shared/offboardingContracts";
import type { CompensationOutput, ServicePrincipalInput } from "../../shared/onboardingContracts";
import type { OnboardingActivities } from "../onboarding/activityTypes";

/** Input and output of each activity an offboarding calls, the compensating activities of onboarding included. */
export interface OffboardingActivities extends OnboardingActivities {
  [ActivityNames.markPairOffboarding]: { input: MarkOffboardingInput; output: OffboardingSubject };
  [ActivityNames.unassignAllPrincipals]: { input: ServicePrincipalInput; output: UnassignAllPrincipalsOutput };
  [ActivityNames.readDeprovisioningProgress]: { input: ReadDeprovisioningInput; output: DeprovisioningProgress };
  [ActivityNames.pauseSyncJob]: { input: PauseSyncJobInput; output: CompensationOutput };
  [ActivityNames.markPairOffboarded]: { input: MarkOffboardedInput; output: null };
  [ActivityNames.recordOffboardingFailure]: { input: RecordOffboardingFailureInput; output: null };
}

export type OffboardingActivityName = keyof OffboardingActivities;
