import type { RunningChild } from "./startChild";

export interface ChildSupervisorHooks {
  /** Prints the one-line message about a child that exited while the supervisor was not stopping. */
  report(message: string): void;
  /** Ends this process once every child has stopped, with the code given to `shutdown`. */
  exit(code: number): void;
}

/** Returns the message for a child that exited without a stop request, naming it and its exit code or signal. */
export function unexpectedExitMessage(server: string, code: number | null, signal: NodeJS.Signals | null): string {
  const cause = signal !== null ? `was killed by ${signal}` : `exited with code ${code ?? "unknown"}`;
  return `npm start is stopping because ${server} ${cause}.`;
}

/**
 * Keeps `npm start`'s servers together: when one exits while the supervisor is not stopping, it reports the exit,
 * stops the others and calls `exit(1)`. Exits that follow `shutdown` are expected and not reported.
 */
export class ChildSupervisor {
  readonly #hooks: ChildSupervisorHooks;
  readonly #children: RunningChild[] = [];
  #stopping = false;

  constructor(hooks: ChildSupervisorHooks) {
    this.#hooks = hooks;
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  /** Adds a started child. `server` names it in the message, e.g. "the Graph emulator". */
  watch(server: string, running: RunningChild): void {
    this.#children.push(running);
    const { child } = running;
    // The child may have exited between its ready line and this call, in which case no exit event follows.
    if (child.exitCode !== null || child.signalCode !== null) {
      this.#onExit(server, child.exitCode, child.signalCode);
      return;
    }
    child.once("exit", (code, signal) => this.#onExit(server, code, signal));
  }

  /** Stops every child, then calls `exit(code)`. Calls after the first one do nothing. */
  async shutdown(code: number): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    await Promise.all(this.#children.map((child) => child.stop()));
    this.#hooks.exit(code);
  }

  #onExit(server: string, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#stopping) return;
    this.#hooks.report(unexpectedExitMessage(server, code, signal));
    void this.shutdown(1);
  }
}
