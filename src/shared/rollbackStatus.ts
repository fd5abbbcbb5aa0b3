import type { TenantObjectType } from "./onboardingResult";
import type { StepError } from "./onboardingStatus";

/**
 * Kind of undo: remove an assignment, delete an object, restore a setting, or wait until sync cycles delete the users
 * that the job synced into the target (`deprovision`).
 */
export type RollbackAction = "unassign" | "delete" | "restore" | "deprovision";

/** Kind of object a rollback item undoes. `syncedUsers` are the target's B2B users of the job that `id` names. */
export type RollbackObjectType = TenantObjectType | "syncedUsers";

/** One object or setting that a rollback undoes, in the tenant where it lives. */
export interface RollbackItem {
  action: RollbackAction;
  tenantId: string;
  objectType: RollbackObjectType;
  id: string;
}

/** An item the rollback could not undo, with the error of its last attempt. */
export interface LeftBehindItem extends RollbackItem {
  error: StepError;
}

/**
 * - `running`: compensations are being called.
 * - `rolledBack`: every change of the run was undone.
 * - `incomplete`: some items are left behind; `leftBehind` lists them.
 * - `skipped`: the request set `rollbackOnFailure: false`; `leftBehind` lists what the run created or changed.
 */
export type RollbackState = "running" | "rolledBack" | "incomplete" | "skipped";

/**
 * Rollback part of the onboarding's custom status. The lists are capped so that the custom status stays below
 * Durable's 16 KB limit; the counts are always complete.
 */
export interface RollbackStatus {
  state: RollbackState;
  /** Number of compensations planned from the run's object records. */
  planned: number;
  /** The item whose compensation runs now, while `state` is `running`. */
  current?: RollbackItem;
  /** Set while `current` waits for a durable timer before its next attempt. */
  waitingFor?: string;
  rolledBack: RollbackItem[];
  rolledBackCount: number;
  leftBehind: LeftBehindItem[];
  leftBehindCount: number;
}
