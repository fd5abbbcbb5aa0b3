import { expect } from "vitest";

import { ConfigurationError, parseSettings } from "../../src/config/settings";

export const CLIENT_ID = "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c";

/** The fewest settings that parse: emulator mode, because `GRAPH_MODE` is absent. */
export const EMULATOR_ENV = {
  GRAPH_CLIENT_ID: CLIENT_ID,
  GRAPH_CLIENT_SECRET: "s3cret-value",
  AzureWebJobsStorage: "UseDevelopmentStorage=true",
};

/** Parses `env` and returns the problems of the `ConfigurationError` it must raise. */
export function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return [...(error as ConfigurationError).problems];
  }
  throw new Error("expected a ConfigurationError");
}
