import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Azurite table service for the run; tests read its connection string with inject("azuriteConnectionString").
    globalSetup: ["test/support/azuriteGlobalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
