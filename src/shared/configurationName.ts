import type { TenantInfo } from "./onboardingContracts";

/** Graph caps an application's `displayName` at 256 characters; the configuration name becomes that name. */
export const MAX_CONFIGURATION_NAME_LENGTH = 256;

const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Returns true when `name` contains a control character (C0, DEL or C1), which Graph display names must not hold. */
export function hasControlCharacter(name: string): boolean {
  return /\p{Cc}/u.test(name);
}

/**
 * Derives the configuration name used when the request names none: "Sync to <target display name>", falling back to
 * the target's default domain name when the display name is blank, and cut to the length Graph accepts.
 */
export function defaultConfigurationName(target: TenantInfo): string {
  const displayName = target.displayName.replace(CONTROL_CHARACTERS, " ").trim();
  const targetName = displayName.length > 0 ? displayName : target.defaultDomainName;
  const name = `Sync to ${targetName}`;
  return Array.from(name).slice(0, MAX_CONFIGURATION_NAME_LENGTH).join("").trimEnd();
}
