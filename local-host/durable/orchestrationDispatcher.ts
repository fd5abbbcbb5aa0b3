import { hostLog, toError } from "../core/log";
import { type EpisodeContext, runEpisode } from "./episodeRunner";

/** Maximum delay that setTimeout accepts. A later wake-up is re-armed when this one fires. */
const maxTimeoutMs = 2_147_483_647;
const retryAfterErrorMs = 1000;

/**
 * Runs orchestration episodes for instances with due events. Episodes of one instance never overlap; different
 * instances run side by side. Timers are events that become due later: a single wake-up is armed for the earliest.
 */
export class OrchestrationDispatcher {
  readonly #running = new Set<string>();
  #wakeUp: NodeJS.Timeout | undefined;
  #closed = false;
  #idle: (() => void)[] = [];

  constructor(
    private readonly context: EpisodeContext,
    private readonly onEpisodeCommitted: () => void,
  ) {}

  pump(): void {
    if (this.#closed) {
      return;
    }
    const now = Date.now();
    for (const instanceId of this.context.store.instancesWithVisibleEvents(now)) {
      if (!this.#running.has(instanceId)) {
        void this.#run(instanceId);
      }
    }
    this.#armWakeUp(now);
  }

  /** Stops starting episodes and resolves when the running ones have finished. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#wakeUp);
    if (this.#running.size > 0) {
      await new Promise<void>((resolve) => this.#idle.push(resolve));
    }
  }

  #armWakeUp(now: number): void {
    clearTimeout(this.#wakeUp);
    const next = this.context.store.nextVisibleAt(now);
    if (next !== undefined) {
      this.#wakeUp = setTimeout(() => this.pump(), Math.min(Math.max(next - now, 0), maxTimeoutMs));
    }
  }

  async #run(instanceId: string): Promise<void> {
    this.#running.add(instanceId);
    let failed = false;
    try {
      await runEpisode(this.context, instanceId);
    } catch (error) {
      failed = true;
      hostLog("Error", `Orchestration episode for instance '${instanceId}' failed: ${toError(error).message}`);
    } finally {
      this.#running.delete(instanceId);
    }
    if (this.#closed) {
      if (this.#running.size === 0) this.#idle.splice(0).forEach((resolve) => resolve());
      return;
    }
    this.onEpisodeCommitted();
    if (failed) {
      setTimeout(() => this.pump(), retryAfterErrorMs);
    } else {
      this.pump();
    }
  }
}
