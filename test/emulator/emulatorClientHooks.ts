import { afterAll, beforeAll, beforeEach } from "vitest";

import { EmulatorClient } from "./emulatorClient";

/**
 * Registers hooks that start one emulator for the test file, pass its client to `onStarted` in `beforeAll`, reset it
 * to the fixture before each test and close it after the last. The client forgets its cached tokens on each reset,
 * because the reset invalidates every token the emulator issued. Hooks the file registers later run after the reset.
 */
export function useEmulatorClientPerFile(onStarted: (client: EmulatorClient) => void): void {
  let client: EmulatorClient | undefined;

  beforeAll(async () => {
    client = await EmulatorClient.start();
    onStarted(client);
  });

  afterAll(async () => {
    await client?.close();
  });

  beforeEach(async () => {
    await client?.admin("POST", "/reset");
    client?.forgetTokens();
  });
}
