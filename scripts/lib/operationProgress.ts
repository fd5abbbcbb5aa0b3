/** The parts of `GET /api/operations/{id}` that the demo prints. */
export interface OperationStep {
  name: string;
  state: string;
  attempts?: number;
  startedAt?: string;
  endedAt?: string;
  waitingFor?: string;
  detail?: string;
}

export interface OperationSummary {
  id: string;
  runtimeStatus: string;
  currentStep?: string | null;
  steps?: OperationStep[];
  result?: unknown;
  error?: { step?: string; message?: string; graphCode?: string; requestId?: string } | null;
}

const finalStatuses = new Set(["Completed", "Failed", "Terminated", "Canceled"]);

export function isFinished(summary: OperationSummary): boolean {
  return finalStatuses.has(summary.runtimeStatus);
}

/** Prints one line whenever a step changes state or starts waiting for something new. */
export class StepPrinter {
  #seen = new Map<string, string>();

  print(summary: OperationSummary): void {
    for (const step of summary.steps ?? []) {
      const key = `${step.state}|${step.waitingFor ?? ""}|${step.attempts ?? ""}`;
      if (this.#seen.get(step.name) === key || step.state === "pending") continue;
      this.#seen.set(step.name, key);
      console.log(`  ${describeStep(step)}`);
    }
  }
}

function describeStep(step: OperationStep): string {
  const marks: Record<string, string> = { succeeded: "done", failed: "FAILED", running: "...", waiting: "waiting" };
  const mark = (marks[step.state] ?? step.state).padEnd(7);
  const parts = [`${mark} ${step.name}`];
  if (step.state === "succeeded" && step.startedAt && step.endedAt) {
    const seconds = (Date.parse(step.endedAt) - Date.parse(step.startedAt)) / 1000;
    parts.push(`(${seconds.toFixed(1)} s)`);
  }
  if (step.attempts && step.attempts > 1) parts.push(`[attempt ${step.attempts}]`);
  if (step.waitingFor) parts.push(`- waiting for ${step.waitingFor}`);
  if (step.detail) parts.push(`- ${step.detail}`);
  return parts.join(" ");
}
