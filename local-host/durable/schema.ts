import type Database from "better-sqlite3";

/**
 * Durable state tables. Times are epoch milliseconds; payloads are JSON text.
 * - instances: one row per orchestration instance, its current execution and the numbering state of its runner.
 * - history: the current execution's history events, in order.
 * - inbox: events waiting for an orchestration episode; timers are inbox rows that become visible at `fireAt`.
 * - activities: activities scheduled but not completed, re-run after a restart.
 * - timer_triggers: the last and next run of each timer-triggered function.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS instances (
        instance_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        execution_id TEXT NOT NULL,
        status TEXT NOT NULL,
        input TEXT,
        output TEXT,
        custom_status TEXT,
        failure_details TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        parent_instance_id TEXT,
        parent_execution_id TEXT,
        parent_task_id INTEGER,
        runner_state TEXT NOT NULL
    )`,
  `CREATE INDEX IF NOT EXISTS instances_created ON instances (created_at)`,
  `CREATE TABLE IF NOT EXISTS history (
        instance_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        event TEXT NOT NULL,
        PRIMARY KEY (instance_id, position)
    )`,
  `CREATE TABLE IF NOT EXISTS inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL,
        execution_id TEXT NOT NULL,
        visible_at INTEGER NOT NULL,
        timer_id INTEGER,
        event TEXT NOT NULL
    )`,
  `CREATE INDEX IF NOT EXISTS inbox_visible ON inbox (visible_at)`,
  `CREATE INDEX IF NOT EXISTS inbox_instance ON inbox (instance_id)`,
  `CREATE TABLE IF NOT EXISTS activities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL,
        execution_id TEXT NOT NULL,
        task_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        input TEXT NOT NULL
    )`,
  `CREATE TABLE IF NOT EXISTS timer_triggers (
        name TEXT PRIMARY KEY,
        last_run INTEGER,
        next_run INTEGER,
        updated_at INTEGER NOT NULL
    )`,
];

export function createSchema(db: Database.Database): void {
  // In WAL mode a committed transaction survives a killed process even with NORMAL sync. Only a power loss can
  // drop the last commits, which is acceptable for a development host.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  for (const statement of statements) {
    db.exec(statement);
  }
}
