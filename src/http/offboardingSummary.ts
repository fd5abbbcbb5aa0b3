import { z } from "zod";

import { OffboardingStepNames, type OffboardingCustomStatus } from "../shared/offboardingStatus";
import { stepRecordFieldShapes } from "./stepRecordShape";

/** The request part of an offboarding's operation summary. */
export interface OffboardingRequestSummary {
  operation: "offboarding";
  sourceTenantId: string;
  targetTenantId: string;
  keepSyncedUsers: boolean;
  deprovisionTimeoutSeconds: number;
}

const requestShape = z.object({
  sourceTenantId: z.string(),
  targetTenantId: z.string(),
  keepSyncedUsers: z.boolean(),
  deprovisionTimeoutSeconds: z.number(),
});

const stepShape = z.object({
  name: z.enum(OffboardingStepNames),
  state: z.enum(["pending", "running", "waiting", "succeeded", "failed", "skipped"]),
  ...stepRecordFieldShapes,
});

const customStatusShape = z.object({
  currentStep: z.enum(OffboardingStepNames).nullable(),
  steps: z.array(stepShape),
});

/** Reads an `offboardTenantPair` input, or returns null when the input is not one. */
export function summarizeOffboardingRequest(input: unknown): OffboardingRequestSummary | null {
  const parsed = requestShape.safeParse(input);
  return parsed.success ? { operation: "offboarding", ...parsed.data } : null;
}

/** Reads an `offboardTenantPair` custom status, or returns undefined when the status is not one. */
export function parseOffboardingStatus(customStatus: unknown): OffboardingCustomStatus | undefined {
  const parsed = customStatusShape.safeParse(customStatus);
  return parsed.success ? parsed.data : undefined;
}
