import type { EmulatorState } from "../state/emulatorState";
import type { SyncScheduler } from "../state/services";
import { runSyncCycle } from "./syncCycle";

/**
 * Runs sync cycles of active jobs on timers: the first one interval after start, then one interval after each cycle.
 * Timers are unref'd, so they never keep the process alive on their own.
 */
export class ProvisioningEngine implements SyncScheduler {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  /** @param afterCycle runs after every cycle, e.g. to save the state; its errors are logged, not thrown. */
  constructor(
    private readonly state: EmulatorState,
    private readonly afterCycle: () => void = () => {},
  ) {}

  schedule(tenantId: string, servicePrincipalId: string, jobId: string): void {
    if (this.#timers.has(jobId)) {
      return;
    }
    const interval = this.state.settings.syncCycleIntervalMs;
    const timer = setTimeout(() => this.#runCycle(tenantId, servicePrincipalId, jobId), interval);
    timer.unref();
    this.#timers.set(jobId, timer);
  }

  cancel(jobId: string): void {
    clearTimeout(this.#timers.get(jobId));
    this.#timers.delete(jobId);
  }

  cancelAll(): void {
    for (const timer of this.#timers.values()) {
      clearTimeout(timer);
    }
    this.#timers.clear();
  }

  #runCycle(tenantId: string, servicePrincipalId: string, jobId: string): void {
    this.#timers.delete(jobId);
    const tenant = this.state.tenants.get(tenantId);
    const sp = tenant?.servicePrincipals.get(servicePrincipalId.toLowerCase());
    const job = sp?.jobs.get(jobId);
    if (tenant === undefined || sp === undefined || job === undefined) {
      return;
    }
    const isRunnable = () => job.resource.schedule.state === "Active" && job.resource.status.code !== "Quarantine";
    if (!isRunnable()) {
      return;
    }
    try {
      runSyncCycle(this.state, tenant, sp, job);
    } catch (error) {
      console.error(`Graph emulator: sync cycle of job ${jobId} failed unexpectedly:`, error);
    }
    // NOTE: Graph retries quarantined jobs after 6 h, 12 h and 24 h; the emulator waits for start or restart.
    if (isRunnable() && sp.jobs.has(jobId) && tenant.servicePrincipals.has(sp.resource.id)) {
      this.schedule(tenantId, servicePrincipalId, jobId);
    }
    try {
      this.afterCycle();
    } catch (error) {
      console.error(`Graph emulator: saving the state after a sync cycle of job ${jobId} failed:`, error);
    }
  }
}
