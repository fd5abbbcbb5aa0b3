import { describe, expect, it } from "vitest";

import {
  MAX_CONFIGURATION_NAME_LENGTH,
  defaultConfigurationName,
  hasControlCharacter,
} from "../../src/shared/configurationName";

const target = { tenantId: "t", displayName: "Fabrikam", defaultDomainName: "fabrikam.onmicrosoft.com" };

describe("defaultConfigurationName", () => {
  it("names the target by display name", () => {
    expect(defaultConfigurationName(target)).toBe("Sync to Fabrikam");
  });

  it("falls back to the default domain for a blank display name", () => {
    expect(defaultConfigurationName({ ...target, displayName: "  " })).toBe("Sync to fabrikam.onmicrosoft.com");
  });

  it("cuts a long name to the maximum length", () => {
    const name = defaultConfigurationName({ ...target, displayName: "x".repeat(400) });
    expect(Array.from(name)).toHaveLength(MAX_CONFIGURATION_NAME_LENGTH);
  });

  it("does not split a surrogate pair when cutting", () => {
    const name = defaultConfigurationName({ ...target, displayName: "😀".repeat(300) });
    expect(name.endsWith("\uD83D")).toBe(false);
    expect(Array.from(name)).toHaveLength(MAX_CONFIGURATION_NAME_LENGTH);
  });

  it("replaces control characters in the display name", () => {
    const name = defaultConfigurationName({ ...target, displayName: "Fabri\nkam\u0007" });
    expect(hasControlCharacter(name)).toBe(false);
    expect(name).toBe("Sync to Fabri kam");
  });
});
