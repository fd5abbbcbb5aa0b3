import { takeSnapshot, restoreSnapshot } from "./stateSnapshot";
import { readStateFile, writeStateFile } from "./stateFile";
import type { EmulatorServices } from "../state/services";

/**
 * Keeps the emulator's directory in a JSON file, so that a restarted emulator continues where the last one stopped.
 * The server saves as soon as the route handler of a request other than GET has run (before a `when: "after"` fault
 * delays the response), after each sync cycle and on close, so a `kill -9` loses at most a change whose handler was
 * still running.
 */
export class StatePersistence {
  readonly path: string;
  readonly #services: EmulatorServices;

  constructor(path: string, services: EmulatorServices) {
    this.path = path;
    this.#services = services;
  }

  /**
   * Loads the file into the state, if it exists, and schedules the next sync cycle of every active job, one interval
   * from now. Returns whether a file was loaded.
   * @throws StateFileError when the file exists but cannot be used.
   */
  load(): boolean {
    const snapshot = readStateFile(this.path);
    if (snapshot === undefined) {
      return false;
    }
    const { state, scheduler } = this.#services;
    restoreSnapshot(state, snapshot);
    for (const tenant of state.tenants.values()) {
      for (const sp of tenant.servicePrincipals.values()) {
        for (const job of sp.jobs.values()) {
          if (job.resource.schedule.state === "Active" && job.resource.status.code !== "Quarantine") {
            scheduler.schedule(tenant.tenantId, sp.resource.id, job.resource.id);
          }
        }
      }
    }
    return true;
  }

  /** Writes the current state to the file, replacing it atomically. */
  save(): void {
    const { state } = this.#services;
    writeStateFile(this.path, takeSnapshot(state, state.now()));
  }
}
