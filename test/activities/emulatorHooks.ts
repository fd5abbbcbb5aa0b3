import { afterAll, beforeAll, beforeEach } from "vitest";

import { EmulatorHarness } from "./emulatorHarness";

/**
 * Registers the hooks of an emulator-backed test file: one emulator for the whole file, passed to `onStarted` in
 * `beforeAll`, reset to its fixture before each test and closed after the last. Vitest runs `beforeEach` hooks in the
 * order they were registered, so hooks the file adds after this call run after the reset.
 */
export function useEmulatorPerFile(onStarted: (emulator: EmulatorHarness) => void): void {
  let emulator: EmulatorHarness | undefined;

  beforeAll(async () => {
    emulator = await EmulatorHarness.start();
    onStarted(emulator);
  });

  afterAll(async () => {
    await emulator?.close();
  });

  beforeEach(async () => {
    await emulator?.reset();
  });
}
