import { z } from "zod";

import { parseGraphErrorText } from "../graph/graphErrorText";
import type { OffboardingStepRecord } from "../shared/offboardingStatus";
import { OnboardingStepNames, type StepRecord } from "../shared/onboardingStatus";
import type { RollbackStatus } from "../shared/rollbackStatus";
import { type HealthSummary, summarizeHealthOutput } from "./healthSummary";
import {
  type OffboardingRequestSummary,
  parseOffboardingStatus,
  summarizeOffboardingRequest,
} from "./offboardingSummary";
import { stepErrorShape, stepRecordFieldShapes } from "./stepRecordShape";

/** A step record of an onboarding or an offboarding; the offboarding's steps may also be `skipped`. */
export type SummaryStep = StepRecord | OffboardingStepRecord;

/** The fields of a Durable `DurableOrchestrationStatus` that the summary reads. */
export interface OrchestrationStatusLike {
  name: string;
  instanceId: string;
  runtimeStatus: string;
  createdTime: Date | string;
  lastUpdatedTime: Date | string;
  input: unknown;
  output: unknown;
  customStatus?: unknown;
}

/** Body of `GET /api/operations/{id}`. */
export interface OperationSummary {
  id: string;
  name: string;
  /** Durable runtime status: Pending, Running, Completed, ContinuedAsNew, Failed, Terminated or Suspended. */
  runtimeStatus: string;
  createdTime: string;
  lastUpdatedTime: string;
  request: RequestSummary | OffboardingRequestSummary | null;
  currentStep: string | null;
  steps: SummaryStep[];
  /** Output of a completed onboarding, offboarding or sweep; absent for a health check of one pair. */
  result?: unknown;
  /** The verdict, findings and remediations of a completed health check of one pair, in place of `result`. */
  health?: HealthSummary;
  error?: OperationError;
  /** Rollback progress of a failed onboarding: what it undid and what it left behind. */
  rollback?: RollbackStatus;
}

export interface RequestSummary {
  source: string;
  target: string;
  sourceTenantId: string;
  targetTenantId: string;
  configurationName: string | null;
  scope: { users: number; groups: number };
}

export interface OperationError {
  step: string | null;
  message: string;
  graphCode?: string;
  requestId?: string;
}

const requestShape = z.object({
  source: z.string(),
  target: z.string(),
  sourceTenantId: z.string(),
  targetTenantId: z.string(),
  configurationName: z.string().optional(),
  scope: z.object({ users: z.array(z.unknown()), groups: z.array(z.unknown()) }),
});

const stepShape = z.object({
  name: z.enum(OnboardingStepNames),
  state: z.enum(["pending", "running", "waiting", "succeeded", "failed"]),
  ...stepRecordFieldShapes,
});

const rollbackItemShape = z.object({
  action: z.enum(["unassign", "delete", "restore", "deprovision"]),
  tenantId: z.string(),
  objectType: z.enum([
    "partner",
    "identitySynchronization",
    "application",
    "servicePrincipal",
    "synchronizationJob",
    "appRoleAssignment",
    "policyFlag",
    "syncedUsers",
  ]),
  id: z.string(),
});

const rollbackShape = z.object({
  state: z.enum(["running", "rolledBack", "incomplete", "skipped"]),
  planned: z.number(),
  current: rollbackItemShape.optional(),
  waitingFor: z.string().optional(),
  rolledBack: z.array(rollbackItemShape),
  rolledBackCount: z.number(),
  leftBehind: z.array(rollbackItemShape.extend({ error: stepErrorShape })),
  leftBehindCount: z.number(),
});

const customStatusShape = z.object({
  currentStep: z.enum(OnboardingStepNames).nullable(),
  steps: z.array(stepShape),
  rollback: rollbackShape.optional(),
});

/**
 * Builds the readable summary of an orchestration from its Durable status. Fields it cannot read, e.g. the custom
 * status of an instance that has not run yet, come out as null or empty rather than failing the request.
 */
export function buildOperationSummary(status: OrchestrationStatusLike): OperationSummary {
  const custom = customStatusShape.safeParse(status.customStatus);
  const offboarding = custom.success ? undefined : parseOffboardingStatus(status.customStatus);
  const steps: SummaryStep[] = custom.success ? custom.data.steps : (offboarding?.steps ?? []);
  const currentStep = custom.success ? custom.data.currentStep : (offboarding?.currentStep ?? null);
  const summary: OperationSummary = {
    id: status.instanceId,
    name: status.name,
    runtimeStatus: status.runtimeStatus,
    createdTime: toIsoTime(status.createdTime),
    lastUpdatedTime: toIsoTime(status.lastUpdatedTime),
    request: summarizeRequest(status.input) ?? summarizeOffboardingRequest(status.input),
    currentStep,
    steps,
  };
  if (custom.success && custom.data.rollback !== undefined) {
    summary.rollback = custom.data.rollback;
  }
  if (status.runtimeStatus === "Completed") {
    // A health check's output is shown once, as `health`; every other output as `result`.
    const health = summarizeHealthOutput(status.output);
    if (health === undefined) {
      summary.result = status.output;
    } else {
      summary.health = health;
    }
  }
  const error = describeError(status, steps, currentStep);
  if (error !== undefined) {
    summary.error = error;
  }
  if (status.runtimeStatus === "Failed") {
    summary.steps = markFailedStep(steps, error);
  }
  return summary;
}

function summarizeRequest(input: unknown): RequestSummary | null {
  const parsed = requestShape.safeParse(input);
  if (!parsed.success) {
    return null;
  }
  const { source, target, sourceTenantId, targetTenantId, configurationName, scope } = parsed.data;
  return {
    source,
    target,
    sourceTenantId,
    targetTenantId,
    configurationName: configurationName ?? null,
    scope: { users: scope.users.length, groups: scope.groups.length },
  };
}

function describeError(
  status: OrchestrationStatusLike,
  steps: SummaryStep[],
  currentStep: string | null,
): OperationError | undefined {
  if (status.runtimeStatus === "Terminated") {
    const reason = typeof status.output === "string" && status.output !== "" ? status.output : "no reason given";
    return { step: currentStep, message: `The operation was terminated: ${reason}` };
  }
  if (status.runtimeStatus !== "Failed") {
    return undefined;
  }
  const failed = steps.find((step) => step.state === "failed");
  if (failed?.error !== undefined) {
    return { step: failed.name, ...failed.error };
  }
  return errorFromFailureOutput(status.output, currentStep);
}

const ORCHESTRATOR_FAILED_PREFIX = /^Orchestrator function '[^']*' failed:\s*/;
const STEP_FAILED = /^(?:Onboarding|Offboarding) step (\w+) failed:/;

/**
 * Reads the error from the failure output alone, for a store that kept the custom status of an earlier episode. The
 * output is the orchestrator's error message, which names the step and may carry a Graph error line.
 */
function errorFromFailureOutput(output: unknown, currentStep: string | null): OperationError {
  const text = typeof output === "string" && output !== "" ? output : "no message recorded";
  const message = text.replace(ORCHESTRATOR_FAILED_PREFIX, "");
  const error: OperationError = { step: STEP_FAILED.exec(message)?.[1] ?? currentStep, message };
  const graphError = parseGraphErrorText(message);
  if (graphError?.code !== undefined) {
    error.graphCode = graphError.code;
  }
  if (graphError?.requestId !== undefined) {
    error.requestId = graphError.requestId;
  }
  return error;
}

/** Shows the failed step as failed when the stored custom status still has it running or waiting. */
function markFailedStep(steps: SummaryStep[], error: OperationError | undefined): SummaryStep[] {
  if (error === undefined) {
    return steps;
  }
  return steps.map((step) => {
    if (step.name !== error.step || (step.state !== "running" && step.state !== "waiting")) {
      return step;
    }
    const { waitingFor: _waitingFor, ...rest } = step;
    const { step: _step, ...stepError } = error;
    return { ...rest, state: "failed", error: stepError };
  });
}

function toIsoTime(time: Date | string): string {
  const date = time instanceof Date ? time : new Date(time);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
}
