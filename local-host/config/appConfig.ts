import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface AppConfig {
  appRoot: string;
  /** The `main` glob from the app's package.json, relative to `appRoot`. */
  mainPattern: string;
  /** `extensions.http.routePrefix` from host.json; Azure's default is "api". */
  routePrefix: string;
  /** `extensions.durableTask.hubName` from host.json; the extension's default is "TestHubName". */
  hubName: string;
  /** `extensions.durableTask.maxConcurrentActivityFunctions` from host.json. */
  maxConcurrentActivities: number;
  /** `Values` from the settings file, empty when the file is missing. */
  settings: Record<string, string>;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`Invalid JSON in ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function objectAt(value: unknown, key: string): Record<string, unknown> {
  const child = (value as Record<string, unknown> | undefined)?.[key];
  return typeof child === "object" && child !== null ? (child as Record<string, unknown>) : {};
}

/** Reads package.json, host.json and the settings file of the app at `appRoot`. */
export function readAppConfig(appRoot: string, settingsFile?: string): AppConfig {
  const packageFile = path.join(appRoot, "package.json");
  if (!existsSync(packageFile)) {
    throw new Error(`Missing package.json in the app root ${appRoot}.`);
  }
  const mainPattern = readJson(packageFile).main;
  if (typeof mainPattern !== "string" || mainPattern === "") {
    throw new Error(`Missing "main" in ${packageFile}: it must name the function files (a glob).`);
  }

  const hostFile = path.join(appRoot, "host.json");
  const hostJson = existsSync(hostFile) ? readJson(hostFile) : {};
  const extensions = objectAt(hostJson, "extensions");
  const http = objectAt(extensions, "http");
  const durableTask = objectAt(extensions, "durableTask");
  const routePrefix = typeof http.routePrefix === "string" ? http.routePrefix : "api";
  const hubName = typeof durableTask.hubName === "string" ? durableTask.hubName : "TestHubName";
  const maxActivities = Number(durableTask.maxConcurrentActivityFunctions ?? 10);
  if (!Number.isInteger(maxActivities) || maxActivities < 1) {
    throw new Error(`Invalid maxConcurrentActivityFunctions in ${hostFile}: expected a positive integer.`);
  }

  const settingsPath = settingsFile ?? path.join(appRoot, "local.settings.json");
  let settings: Record<string, string> = {};
  if (existsSync(settingsPath)) {
    const values = objectAt(readJson(settingsPath), "Values");
    settings = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
  } else if (settingsFile !== undefined) {
    throw new Error(`Settings file not found: ${settingsFile}`);
  }

  return {
    appRoot,
    mainPattern,
    routePrefix: routePrefix.replace(/^\/+|\/+$/g, ""),
    hubName,
    maxConcurrentActivities: maxActivities,
    settings,
  };
}

/**
 * Copies settings into `process.env`. Like Core Tools, a variable already set in the environment wins over the
 * settings file, but `overrides` (given by a caller in code) win over both.
 */
export function applySettings(settings: Record<string, string>, overrides: Record<string, string> = {}): string[] {
  const skipped: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (process.env[key] !== undefined && !(key in overrides)) {
      skipped.push(key);
      continue;
    }
    process.env[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    process.env[key] = value;
  }
  return skipped;
}
