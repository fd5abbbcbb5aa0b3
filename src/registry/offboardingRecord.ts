import type { OffboardingResult } from "../shared/offboardingContracts";

/** Error of the step that stopped an offboarding; a later DELETE of the pair continues from the recorded objects. */
export interface OffboardingError {
  step: string;
  message: string;
  graphCode?: string;
  requestId?: string;
  at: string;
}

/** The pair's latest offboarding, as the registry keeps it. */
export interface OffboardingRecord {
  instanceId: string;
  keepSyncedUsers: boolean;
  startedAt: string;
  /** Null while the offboarding runs or after it failed. */
  endedAt: string | null;
  /** What the offboarding removed, restored and left in place; null until it completed. */
  result: OffboardingResult | null;
  /** Null unless the last attempt failed. */
  error: OffboardingError | null;
}
