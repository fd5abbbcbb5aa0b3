import { describe, expect, it } from "vitest";

import { ConfigurationError, parseSettings } from "../../src/config/settings";

const BASE = {
  GRAPH_CLIENT_ID: "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c",
  GRAPH_CLIENT_SECRET: "s3cret-value",
  AzureWebJobsStorage: "UseDevelopmentStorage=true",
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    parseSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return [...(error as ConfigurationError).problems];
  }
  throw new Error("expected a ConfigurationError");
}

describe("health settings", () => {
  it("applies defaults", () => {
    expect(parseSettings(BASE).health).toEqual({
      schedule: "0 */30 * * * *",
      maxParallel: 5,
      remediationEnabled: false,
    });
  });

  it("reads every health setting", () => {
    const settings = parseSettings({
      ...BASE,
      HEALTH_CHECK_SCHEDULE: "0 0 * * * *",
      HEALTH_CHECK_MAX_PARALLEL: "12",
      HEALTH_REMEDIATION_ENABLED: "true",
    });
    expect(settings.health).toEqual({ schedule: "0 0 * * * *", maxParallel: 12, remediationEnabled: true });
  });

  it("rejects invalid health settings by name", () => {
    const problems = problemsOf({
      ...BASE,
      HEALTH_CHECK_SCHEDULE: "*/5 * * * *",
      HEALTH_CHECK_MAX_PARALLEL: "0",
      HEALTH_REMEDIATION_ENABLED: "yes",
    });
    expect(problems).toContain(
      "Setting HEALTH_CHECK_SCHEDULE is invalid: must be a six-field NCRONTAB expression, e.g. '0 */30 * * * *'.",
    );
    expect(problems).toContain("Setting HEALTH_CHECK_MAX_PARALLEL is invalid: must be a whole number from 1 to 50.");
    expect(problems).toContain("Setting HEALTH_REMEDIATION_ENABLED is invalid: must be 'true' or 'false'.");
  });
});
