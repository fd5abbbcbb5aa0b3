import { describe, expect, it } from "vitest";
import { InvalidSettingsError, parseSettingsPatch } from "../../emulator/settings";

describe("settings patch", () => {
  it("accepts known settings as whole milliseconds", () => {
    const patch = parseSettingsPatch({ replicationDelayMs: 0, latencyMs: 25 });
    expect(patch).toEqual({ replicationDelayMs: 0, latencyMs: 25 });
  });

  it("skips settings given as undefined", () => {
    const patch = parseSettingsPatch({ replicationDelayMs: undefined, syncCycleIntervalMs: 10 });
    expect(patch).toEqual({ syncCycleIntervalMs: 10 });
  });

  it.each([
    [{ speed: 1 }, "Unknown setting 'speed'"],
    [{ latencyMs: -1 }, "non-negative integer"],
    [{ latencyMs: 1.5 }, "non-negative integer"],
    [{ latencyMs: "5" }, "non-negative integer"],
    [{ syncCycleIntervalMs: 0 }, "at least 1"],
    [[], "JSON object"],
  ])("rejects %j", (input, message) => {
    expect(() => parseSettingsPatch(input)).toThrow(InvalidSettingsError);
    expect(() => parseSettingsPatch(input)).toThrow(message);
  });
});
