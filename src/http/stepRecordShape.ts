import { z } from "zod";

/** Shape of a `StepError` in a custom status. */
export const stepErrorShape = z.object({
  message: z.string(),
  graphCode: z.string().optional(),
  requestId: z.string().optional(),
});

/**
 * Shapes of the step-record fields that onboarding and offboarding statuses share. Each operation adds its own `name`
 * and `state`, because their step names and states differ.
 */
export const stepRecordFieldShapes = {
  attempts: z.number(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  waitingFor: z.string().optional(),
  detail: z.string().optional(),
  error: stepErrorShape.optional(),
};
