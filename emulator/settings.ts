/** Timing knobs of the emulator, all in milliseconds. */
export interface EmulatorSettings {
  /** How long a new application or service principal returns 404 before it becomes visible. */
  replicationDelayMs: number;
  /** How long a changed cross-tenant policy takes before validateCredentials and sync cycles see it. */
  policyPropagationDelayMs: number;
  /** Time from a job's start to its first sync cycle, and between cycles. */
  syncCycleIntervalMs: number;
  /** Delay added before every Graph response. */
  latencyMs: number;
}

export const DEFAULT_SETTINGS: Readonly<EmulatorSettings> = Object.freeze({
  replicationDelayMs: 3000,
  policyPropagationDelayMs: 5000,
  syncCycleIntervalMs: 5000,
  latencyMs: 0,
});

const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as (keyof EmulatorSettings)[];

/** Minimum cycle interval, so that a zero interval cannot spin the event loop. */
const MIN_SYNC_CYCLE_INTERVAL_MS = 1;

export class InvalidSettingsError extends Error {
  override name = "InvalidSettingsError";
}

/**
 * Validates a partial settings object: known names only, each a non-negative integer.
 * Throws InvalidSettingsError naming the offending setting.
 */
export function parseSettingsPatch(input: unknown): Partial<EmulatorSettings> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidSettingsError("Settings must be a JSON object.");
  }
  const patch: Partial<EmulatorSettings> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) {
      continue;
    }
    if (!SETTING_NAMES.includes(name as keyof EmulatorSettings)) {
      throw new InvalidSettingsError(`Unknown setting '${name}'. Known settings: ${SETTING_NAMES.join(", ")}.`);
    }
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      throw new InvalidSettingsError(`Setting '${name}' must be a non-negative integer of milliseconds.`);
    }
    if (name === "syncCycleIntervalMs" && value < MIN_SYNC_CYCLE_INTERVAL_MS) {
      throw new InvalidSettingsError(`Setting 'syncCycleIntervalMs' must be at least ${MIN_SYNC_CYCLE_INTERVAL_MS}.`);
    }
    patch[name as keyof EmulatorSettings] = value;
  }
  return patch;
}
