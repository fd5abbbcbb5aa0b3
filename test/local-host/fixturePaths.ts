import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const durableApp = path.resolve(__dirname, "../fixtures/durable-app");
export const brokenApp = path.resolve(__dirname, "../fixtures/broken-app");

/** Creates a fresh folder for the fixture's attempt counters and run records (its ATTEMPTS_DIR). */
export function freshAttemptsDir(): string {
  return mkdtempSync(path.join(tmpdir(), "local-host-attempts-"));
}
