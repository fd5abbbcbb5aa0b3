import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const settingsFile = "local.settings.json";
export const sampleSettingsFile = "local.settings.sample.json";

interface LocalSettings {
  IsEncrypted?: boolean;
  Values: Record<string, string>;
}

/** Creates `local.settings.json` from the sample when it is missing; returns true when it did. */
export function ensureLocalSettings(appRoot: string): boolean {
  const target = join(appRoot, settingsFile);
  if (existsSync(target)) return false;
  copyFileSync(join(appRoot, sampleSettingsFile), target);
  return true;
}

export function readSettings(path: string): LocalSettings {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || !("Values" in parsed)) {
    throw new Error(`${path} has no "Values" object.`);
  }
  return parsed as LocalSettings;
}

/** Writes a copy of the settings with some values replaced into a new temporary folder and returns its path. */
export function writeSettingsCopy(source: string, overrides: Record<string, string>): string {
  const settings = readSettings(source);
  const folder = mkdtempSync(join(tmpdir(), "tenant-pair-sync-"));
  const path = join(folder, settingsFile);
  writeFileSync(path, JSON.stringify({ ...settings, Values: { ...settings.Values, ...overrides } }, null, 2));
  return path;
}
