import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";

import { SNAPSHOT_FORMAT, type StateSnapshot } from "./stateSnapshot";

/** The state file exists but cannot be used. The message names the file and how to start over. */
export class StateFileError extends Error {
  override name = "StateFileError";
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

/**
 * Reads a saved snapshot, or returns undefined when the file does not exist.
 * @throws StateFileError when the file is not JSON or was saved in another format.
 */
export function readStateFile(path: string): StateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (isMissingFile(error)) {
      return undefined;
    }
    throw error;
  }
  const advice = "Delete it to start from the fixture.";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`The emulator state file ${path} is not valid JSON. ${advice}`, { cause: error });
  }
  const snapshot = parsed as Partial<StateSnapshot> | null;
  if (typeof snapshot !== "object" || snapshot === null || snapshot.format !== SNAPSHOT_FORMAT) {
    throw new StateFileError(
      `The emulator state file ${path} has format ${String(snapshot?.format)}, expected ${SNAPSHOT_FORMAT}. ${advice}`,
    );
  }
  if (!Array.isArray(snapshot.tenants) || !Array.isArray(snapshot.clients) || typeof snapshot.settings !== "object") {
    throw new StateFileError(`The emulator state file ${path} is missing tenants, clients or settings. ${advice}`);
  }
  return snapshot as StateSnapshot;
}

/**
 * Writes a snapshot so that the file always contains either the old or the new state: the JSON goes to a temporary file
 * beside it, is flushed to disk, and then replaces the file by rename, which is atomic within one file system.
 */
export function writeStateFile(path: string, snapshot: StateSnapshot): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, "w");
  try {
    writeSync(descriptor, JSON.stringify(snapshot));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, path);
}
