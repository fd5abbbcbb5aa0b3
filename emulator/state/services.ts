import type { EmulatorState } from "./emulatorState";

/** Schedules sync cycles of active jobs. */
export interface SyncScheduler {
  /** Schedules the job's next cycle one interval from now, unless one is already pending. */
  schedule(tenantId: string, servicePrincipalId: string, jobId: string): void;
  cancel(jobId: string): void;
  cancelAll(): void;
}

/** Shared services passed to route handlers and admin routes. */
export interface EmulatorServices {
  state: EmulatorState;
  scheduler: SyncScheduler;
}
