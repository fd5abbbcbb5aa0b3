import type { FunctionRegistry, RegisteredFunction } from "../core/functionRegistry";
import { invokeFunction } from "../core/invokeFunction";
import { hostLog } from "../core/log";
import type { ExtraInputs } from "../durable/activityDispatcher";
import type { InstanceStore } from "../durable/instanceStore";
import { NcrontabSchedule, resolveSchedule } from "./ncrontab";

const maxTimeoutMs = 2_147_483_647;

interface TimerRow {
  last_run: number | null;
  next_run: number | null;
}

/** Fires timer-triggered functions on their schedules; last and next runs live in the store (`useMonitor`). */
export class TimerTriggers {
  readonly #timeouts = new Map<string, NodeJS.Timeout>();
  #closed = false;

  constructor(
    private readonly store: InstanceStore,
    private readonly registry: FunctionRegistry,
    private readonly extraInputs: ExtraInputs,
  ) {}

  /** Validates every schedule and arms each timer. Throws on an invalid schedule, as the host fails to start. */
  start(): void {
    const timers = this.registry.byTrigger("timerTrigger").map((fn) => {
      const binding = fn.metadata.bindings[fn.triggerBindingName] ?? {};
      const schedule = new NcrontabSchedule(resolveSchedule(String(binding.schedule ?? "")));
      const useMonitor =
        typeof binding.useMonitor === "boolean" ? binding.useMonitor : schedule.isAtLeastMinutely(new Date());
      return { fn, schedule, useMonitor, runOnStartup: binding.runOnStartup === true };
    });
    for (const { fn, schedule, useMonitor, runOnStartup } of timers) {
      const row = useMonitor ? this.#read(fn.metadata.name) : undefined;
      const now = Date.now();
      if (row?.next_run != null && row.next_run <= now) {
        hostLog(
          "Information",
          `Timer '${fn.metadata.name}' missed its run at ${new Date(row.next_run).toISOString()}; running it now.`,
        );
        void this.#fire(fn, schedule, useMonitor, true);
      } else if (runOnStartup) {
        void this.#fire(fn, schedule, useMonitor, false);
      } else {
        this.#arm(fn, schedule, useMonitor);
      }
    }
  }

  close(): void {
    this.#closed = true;
    this.#timeouts.forEach((timeout) => clearTimeout(timeout));
    this.#timeouts.clear();
  }

  #read(name: string): TimerRow | undefined {
    return this.store.db.prepare("SELECT last_run, next_run FROM timer_triggers WHERE name = ?").get(name) as
      TimerRow | undefined;
  }

  #write(name: string, lastRun: number | null, nextRun: number | null): void {
    this.store.db
      .prepare("INSERT OR REPLACE INTO timer_triggers (name, last_run, next_run, updated_at) VALUES (?, ?, ?, ?)")
      .run(name, lastRun, nextRun, Date.now());
  }

  #arm(fn: RegisteredFunction, schedule: NcrontabSchedule, useMonitor: boolean): void {
    if (this.#closed) return;
    const next = schedule.next(new Date());
    if (!next) {
      hostLog("Warning", `Timer '${fn.metadata.name}' has no future occurrence; it will not run again.`);
      return;
    }
    if (useMonitor) {
      const row = this.#read(fn.metadata.name);
      this.#write(fn.metadata.name, row?.last_run ?? null, next.getTime());
    }
    const wait = () => {
      const remaining = next.getTime() - Date.now();
      const timeout =
        remaining > 0
          ? setTimeout(wait, Math.min(remaining, maxTimeoutMs))
          : setTimeout(() => void this.#fire(fn, schedule, useMonitor, false), 0);
      this.#timeouts.set(fn.metadata.name, timeout);
    };
    wait();
  }

  async #fire(
    fn: RegisteredFunction,
    schedule: NcrontabSchedule,
    useMonitor: boolean,
    isPastDue: boolean,
  ): Promise<void> {
    if (this.#closed) return;
    const name = fn.metadata.name;
    const now = new Date();
    const row = useMonitor ? this.#read(name) : undefined;
    const next = schedule.next(now);
    const timerInfo = {
      Schedule: { AdjustForDST: true },
      ScheduleStatus: useMonitor
        ? {
            Last: new Date(row?.last_run ?? 0).toISOString(),
            Next: next?.toISOString() ?? null,
            LastUpdated: now.toISOString(),
          }
        : null,
      IsPastDue: isPastDue,
    };
    if (useMonitor) {
      // Recorded before the run so a crash during it does not fire the same occurrence again.
      this.#write(name, now.getTime(), next?.getTime() ?? null);
    }
    try {
      await invokeFunction(this.registry, fn, {
        reason: isPastDue ? "Timer (past due)" : "Timer fired",
        inputData: [
          { name: fn.triggerBindingName, data: { string: JSON.stringify(timerInfo) } },
          ...this.extraInputs(fn),
        ],
      });
    } catch {
      // invokeFunction has logged the failure; the schedule goes on, as on Azure.
    }
    this.#arm(fn, schedule, useMonitor);
  }
}
