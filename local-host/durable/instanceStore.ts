import Database from "better-sqlite3";
import type { HistoryEvent } from "./historyEvents";
import { createSchema } from "./schema";

export type RuntimeStatus =
  "Pending" | "Running" | "Completed" | "ContinuedAsNew" | "Failed" | "Terminated" | "Suspended";

export const activeStatuses: readonly RuntimeStatus[] = ["Pending", "Running", "Suspended"];
export const endedStatuses: readonly RuntimeStatus[] = ["Completed", "Failed", "Terminated"];

export interface InstanceRow {
  instance_id: string;
  name: string;
  execution_id: string;
  status: RuntimeStatus;
  input: string | null;
  output: string | null;
  custom_status: string | null;
  failure_details: string | null;
  created_at: number;
  updated_at: number;
  parent_instance_id: string | null;
  parent_execution_id: string | null;
  parent_task_id: number | null;
  runner_state: string;
}

export interface InboxRow {
  id: number;
  instance_id: string;
  execution_id: string;
  visible_at: number;
  timer_id: number | null;
  event: string;
}

export interface ActivityRow {
  id: number;
  instance_id: string;
  execution_id: string;
  task_id: number;
  name: string;
  input: string;
}

export interface InstanceFilter {
  statuses?: string[];
  createdFrom?: number;
  createdTo?: number;
  instanceIdPrefix?: string;
}

/** SQLite access for durable state. All methods are synchronous; wrap related writes in `transaction`. */
export class InstanceStore {
  readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    createSchema(this.db);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  getInstance(instanceId: string): InstanceRow | undefined {
    return this.db.prepare("SELECT * FROM instances WHERE instance_id = ?").get(instanceId) as InstanceRow | undefined;
  }

  upsertInstance(row: InstanceRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO instances VALUES (@instance_id, @name, @execution_id, @status, @input, @output,
                 @custom_status, @failure_details, @created_at, @updated_at, @parent_instance_id, @parent_execution_id,
                 @parent_task_id, @runner_state)`,
      )
      .run(row);
  }

  updateStatus(instanceId: string, status: RuntimeStatus, fields: Partial<InstanceRow> = {}): void {
    const row = this.getInstance(instanceId);
    if (row) {
      this.upsertInstance({ ...row, ...fields, status, updated_at: Date.now() });
    }
  }

  /** Instances matching `filter`, oldest first. */
  listInstances(filter: InstanceFilter): InstanceRow[] {
    const rows = this.db.prepare("SELECT * FROM instances ORDER BY created_at, instance_id").all() as InstanceRow[];
    const statuses = filter.statuses?.map((status) => status.toLowerCase());
    return rows.filter(
      (row) =>
        (!statuses || statuses.length === 0 || statuses.includes(row.status.toLowerCase())) &&
        (filter.createdFrom === undefined || row.created_at >= filter.createdFrom) &&
        (filter.createdTo === undefined || row.created_at <= filter.createdTo) &&
        (filter.instanceIdPrefix === undefined || row.instance_id.startsWith(filter.instanceIdPrefix)),
    );
  }

  /** Deletes the instance with its history, pending events and pending activities. */
  deleteInstance(instanceId: string): boolean {
    this.clearPendingWork(instanceId);
    this.db.prepare("DELETE FROM history WHERE instance_id = ?").run(instanceId);
    return this.db.prepare("DELETE FROM instances WHERE instance_id = ?").run(instanceId).changes > 0;
  }

  clearPendingWork(instanceId: string): void {
    this.db.prepare("DELETE FROM inbox WHERE instance_id = ?").run(instanceId);
    this.db.prepare("DELETE FROM activities WHERE instance_id = ?").run(instanceId);
  }

  getHistory(instanceId: string): HistoryEvent[] {
    const rows = this.db
      .prepare("SELECT event FROM history WHERE instance_id = ? ORDER BY position")
      .all(instanceId) as { event: string }[];
    return rows.map((row) => JSON.parse(row.event) as HistoryEvent);
  }

  appendHistory(instanceId: string, events: HistoryEvent[]): void {
    const next = this.db
      .prepare("SELECT COALESCE(MAX(position) + 1, 0) AS next FROM history WHERE instance_id = ?")
      .get(instanceId) as { next: number };
    const insert = this.db.prepare("INSERT INTO history VALUES (?, ?, ?)");
    events.forEach((event, index) => insert.run(instanceId, next.next + index, JSON.stringify(event)));
  }

  clearHistory(instanceId: string): void {
    this.db.prepare("DELETE FROM history WHERE instance_id = ?").run(instanceId);
  }

  addInboxEvent(instanceId: string, executionId: string, event: HistoryEvent, visibleAt = 0, timerId?: number): void {
    this.db
      .prepare("INSERT INTO inbox (instance_id, execution_id, visible_at, timer_id, event) VALUES (?, ?, ?, ?, ?)")
      .run(instanceId, executionId, visibleAt, timerId ?? null, JSON.stringify(event));
  }

  /** Events of `instanceId` visible at `now`, in arrival order. */
  visibleInbox(instanceId: string, now: number): InboxRow[] {
    return this.db
      .prepare("SELECT * FROM inbox WHERE instance_id = ? AND visible_at <= ? ORDER BY visible_at, id")
      .all(instanceId, now) as InboxRow[];
  }

  deleteInboxRows(ids: number[]): void {
    const remove = this.db.prepare("DELETE FROM inbox WHERE id = ?");
    ids.forEach((id) => remove.run(id));
  }

  deleteTimer(instanceId: string, timerId: number): void {
    this.db.prepare("DELETE FROM inbox WHERE instance_id = ? AND timer_id = ?").run(instanceId, timerId);
  }

  /** Instances that have events visible at `now` and may run an episode (not suspended, not ended). */
  instancesWithVisibleEvents(now: number): string[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT i.instance_id FROM inbox b JOIN instances i ON i.instance_id = b.instance_id
                 WHERE b.visible_at <= ? AND i.status IN ('Pending', 'Running')`,
      )
      .all(now) as { instance_id: string }[];
    return rows.map((row) => row.instance_id);
  }

  /** Returns the earliest future visibility time among pending events, used to arm the next wake-up. */
  nextVisibleAt(now: number): number | undefined {
    const row = this.db.prepare("SELECT MIN(visible_at) AS next FROM inbox WHERE visible_at > ?").get(now) as {
      next: number | null;
    };
    return row.next ?? undefined;
  }

  addActivity(instanceId: string, executionId: string, taskId: number, name: string, input: unknown): void {
    this.db
      .prepare("INSERT INTO activities (instance_id, execution_id, task_id, name, input) VALUES (?, ?, ?, ?, ?)")
      .run(instanceId, executionId, taskId, name, JSON.stringify(input ?? null));
  }

  pendingActivities(): ActivityRow[] {
    return this.db.prepare("SELECT * FROM activities ORDER BY id").all() as ActivityRow[];
  }

  deleteActivity(id: number): void {
    this.db.prepare("DELETE FROM activities WHERE id = ?").run(id);
  }
}
