import { describe, expect, it } from "vitest";

import { parseSettings } from "../../src/config/settings";
import { EMULATOR_ENV, problemsOf } from "./settingsTestHelpers";

describe("health settings", () => {
  it("applies defaults", () => {
    expect(parseSettings(EMULATOR_ENV).health).toEqual({
      schedule: "0 */30 * * * *",
      maxParallel: 5,
      remediationEnabled: false,
    });
  });

  it("reads every health setting", () => {
    const settings = parseSettings({
      ...EMULATOR_ENV,
      HEALTH_CHECK_SCHEDULE: "0 0 * * * *",
      HEALTH_CHECK_MAX_PARALLEL: "12",
      HEALTH_REMEDIATION_ENABLED: "true",
    });
    expect(settings.health).toEqual({ schedule: "0 0 * * * *", maxParallel: 12, remediationEnabled: true });
  });

  it("rejects invalid health settings by name", () => {
    const problems = problemsOf({
      ...EMULATOR_ENV,
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
