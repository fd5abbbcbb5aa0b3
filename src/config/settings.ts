import { statSync } from "node:fs";

import { z } from "zod";

import { InvalidScheduleError, parseNcrontab } from "../shared/ncrontab";
import { ConfigurationError } from "./configurationError";
import { checkStorageConnectionString } from "./storageConnectionString";

export { ConfigurationError } from "./configurationError";

export type GraphMode = "emulator" | "live";
export type GraphApiVersion = "v1.0" | "beta";

export interface GraphSettings {
  mode: GraphMode;
  /** Scheme, host and optional path prefix of Graph, without a trailing slash. */
  baseUrl: string;
  apiVersion: GraphApiVersion;
  /** Microsoft Entra authority host; set in live mode only. */
  authorityHost?: string;
  clientId: string;
  clientSecret?: string;
  /** PEM file holding the certificate and its private key; live mode only. */
  certificatePath?: string;
  requestTimeoutMs: number;
  /** Retries inside the Graph client for 429, 503 and 504 responses. */
  maxRetries: number;
}

export interface Settings {
  graph: GraphSettings;
  onboarding: {
    replicationTimeoutSeconds: number;
    policyPropagationTimeoutSeconds: number;
    firstCycleTimeoutSeconds: number;
  };
  offboarding: {
    /** Upper bound of the wait for sync cycles to remove the synced users of an offboarded pair. */
    deprovisionTimeoutSeconds: number;
  };
  health: HealthSettings;
  telemetry: { connectionString?: string };
  /** The app's storage account (`AzureWebJobsStorage`), which also contains the tenant-pair registry table. */
  storage: { connectionString: string };
  registry: { tableName: string };
}

export interface HealthSettings {
  /** Six-field NCRONTAB schedule of the health-check timer, in UTC. */
  schedule: string;
  /** Tenant pairs checked at the same time by one health-check run. */
  maxParallel: number;
  /** Whether health checks re-apply drifted policy flags and restart quarantined jobs. */
  remediationEnabled: boolean;
}

const EMULATOR_BASE_URL = "http://127.0.0.1:7072";
const LIVE_BASE_URL = "https://graph.microsoft.com";
const LIVE_AUTHORITY_HOST = "https://login.microsoftonline.com";
/** Every 30 minutes: a sync cycle takes about 40 minutes, so each cycle is seen at least once. */
const DEFAULT_HEALTH_CHECK_SCHEDULE = "0 */30 * * * *";
const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function integerSetting(min: number, max: number, fallback: number) {
  const expected = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error: expected })
    .transform(Number)
    .pipe(z.number().min(min, { error: expected }).max(max, { error: expected }))
    .optional()
    .transform((value) => value ?? fallback);
}

function urlSetting() {
  return z
    .url({ protocol: /^https?$/, error: "must be an absolute http or https URL" })
    .refine((value) => !/[?#]/.test(value), { error: "must not contain a query or fragment" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional();
}

const environmentSchema = z.object({
  GRAPH_MODE: z.enum(["emulator", "live"], { error: "must be 'emulator' or 'live'" }).default("emulator"),
  GRAPH_BASE_URL: urlSetting(),
  GRAPH_API_VERSION: z.enum(["v1.0", "beta"], { error: "must be 'v1.0' or 'beta'" }).default("v1.0"),
  GRAPH_AUTHORITY_HOST: urlSetting(),
  GRAPH_CLIENT_ID: z.string({ error: "is missing" }).regex(GUID_PATTERN, { error: "must be a GUID" }),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_CLIENT_CERTIFICATE_PATH: z.string().optional(),
  GRAPH_REQUEST_TIMEOUT_MS: integerSetting(1, 600_000, 30_000),
  // The Graph client's retry handler accepts at most 10 retries.
  GRAPH_MAX_RETRIES: integerSetting(0, 10, 3),
  ONBOARDING_REPLICATION_TIMEOUT_SECONDS: integerSetting(1, 86_400, 600),
  ONBOARDING_POLICY_PROPAGATION_TIMEOUT_SECONDS: integerSetting(1, 86_400, 900),
  ONBOARDING_FIRST_CYCLE_TIMEOUT_SECONDS: integerSetting(1, 86_400, 1200),
  // A sync cycle runs about every 40 minutes, so the default leaves room for one cycle after the unassignment.
  OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS: integerSetting(1, 604_800, 3600),
  HEALTH_CHECK_SCHEDULE: z
    .string()
    .refine(isValidSchedule, { error: "must be a six-field NCRONTAB expression, e.g. '0 */30 * * * *'" })
    .default(DEFAULT_HEALTH_CHECK_SCHEDULE),
  // Each parallel check makes about ten Graph reads; 50 stays far below Graph's per-tenant throttling limits.
  HEALTH_CHECK_MAX_PARALLEL: integerSetting(1, 50, 5),
  HEALTH_REMEDIATION_ENABLED: z
    .enum(["true", "false"], { error: "must be 'true' or 'false'" })
    .default("false")
    .transform((value) => value === "true"),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().optional(),
  AzureWebJobsStorage: z.string({ error: "is missing" }).superRefine((value, context) => {
    const problem = checkStorageConnectionString(value);
    if (problem !== undefined) {
      context.addIssue({ code: "custom", message: problem });
    }
  }),
  // Azure Table Storage table names: 3 to 63 letters or digits, starting with a letter.
  REGISTRY_TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, { error: "must be 3 to 63 letters or digits, starting with a letter" })
    .refine((value) => value.toLowerCase() !== "tables", { error: "must not be the reserved name 'tables'" })
    .default("TenantPairs"),
});

function isValidSchedule(expression: string): boolean {
  try {
    parseNcrontab(expression);
    return true;
  } catch (error) {
    if (error instanceof InvalidScheduleError) {
      return false;
    }
    throw error;
  }
}

type Environment = z.infer<typeof environmentSchema>;

/** Environment variables with empty values removed, so that an empty setting counts as unset. */
function presentValues(env: NodeJS.ProcessEnv): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of Object.keys(environmentSchema.shape)) {
    const value = env[key]?.trim();
    if (value) {
      values[key] = value;
    }
  }
  return values;
}

function checkCredentials(env: Environment): string[] {
  const problems: string[] = [];
  const secret = env.GRAPH_CLIENT_SECRET;
  const certificatePath = env.GRAPH_CLIENT_CERTIFICATE_PATH;
  if (env.GRAPH_MODE === "emulator") {
    if (!secret) {
      problems.push("Setting GRAPH_CLIENT_SECRET is missing.");
    }
    if (certificatePath) {
      problems.push("Setting GRAPH_CLIENT_CERTIFICATE_PATH is only used when GRAPH_MODE is 'live'; remove it.");
    }
    if (env.GRAPH_AUTHORITY_HOST) {
      problems.push("Setting GRAPH_AUTHORITY_HOST is only used when GRAPH_MODE is 'live'; remove it.");
    }
    return problems;
  }
  if (!secret && !certificatePath) {
    problems.push("Setting GRAPH_CLIENT_SECRET is missing: set it or GRAPH_CLIENT_CERTIFICATE_PATH in live mode.");
  }
  if (secret && certificatePath) {
    problems.push("Settings GRAPH_CLIENT_SECRET and GRAPH_CLIENT_CERTIFICATE_PATH are both set; set only one.");
  }
  if (certificatePath && !isFile(certificatePath)) {
    problems.push("Setting GRAPH_CLIENT_CERTIFICATE_PATH is invalid: no file exists at that path.");
  }
  for (const [name, value] of [
    ["GRAPH_BASE_URL", env.GRAPH_BASE_URL],
    ["GRAPH_AUTHORITY_HOST", env.GRAPH_AUTHORITY_HOST],
  ] as const) {
    if (value?.startsWith("http:")) {
      problems.push(`Setting ${name} is invalid: live mode sends credentials, so it must use https.`);
    }
  }
  return problems;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function toSettings(env: Environment): Settings {
  const live = env.GRAPH_MODE === "live";
  const graph: GraphSettings = {
    mode: env.GRAPH_MODE,
    baseUrl: env.GRAPH_BASE_URL ?? (live ? LIVE_BASE_URL : EMULATOR_BASE_URL),
    apiVersion: env.GRAPH_API_VERSION,
    clientId: env.GRAPH_CLIENT_ID,
    requestTimeoutMs: env.GRAPH_REQUEST_TIMEOUT_MS,
    maxRetries: env.GRAPH_MAX_RETRIES,
  };
  if (live) {
    graph.authorityHost = env.GRAPH_AUTHORITY_HOST ?? LIVE_AUTHORITY_HOST;
  }
  if (env.GRAPH_CLIENT_SECRET) {
    graph.clientSecret = env.GRAPH_CLIENT_SECRET;
  }
  if (env.GRAPH_CLIENT_CERTIFICATE_PATH) {
    graph.certificatePath = env.GRAPH_CLIENT_CERTIFICATE_PATH;
  }
  const telemetry: Settings["telemetry"] = {};
  if (env.APPLICATIONINSIGHTS_CONNECTION_STRING) {
    telemetry.connectionString = env.APPLICATIONINSIGHTS_CONNECTION_STRING;
  }
  return {
    graph,
    onboarding: {
      replicationTimeoutSeconds: env.ONBOARDING_REPLICATION_TIMEOUT_SECONDS,
      policyPropagationTimeoutSeconds: env.ONBOARDING_POLICY_PROPAGATION_TIMEOUT_SECONDS,
      firstCycleTimeoutSeconds: env.ONBOARDING_FIRST_CYCLE_TIMEOUT_SECONDS,
    },
    offboarding: { deprovisionTimeoutSeconds: env.OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS },
    health: {
      schedule: env.HEALTH_CHECK_SCHEDULE,
      maxParallel: env.HEALTH_CHECK_MAX_PARALLEL,
      remediationEnabled: env.HEALTH_REMEDIATION_ENABLED,
    },
    telemetry,
    storage: { connectionString: env.AzureWebJobsStorage },
    registry: { tableName: env.REGISTRY_TABLE_NAME },
  };
}

/**
 * Parses application settings from environment variables.
 * @throws ConfigurationError naming each missing or malformed setting; values are never echoed.
 */
export function parseSettings(env: NodeJS.ProcessEnv): Settings {
  const result = environmentSchema.safeParse(presentValues(env));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return issue.message === "is missing"
        ? `Setting ${name} is missing.`
        : `Setting ${name} is invalid: ${issue.message}.`;
    });
    throw new ConfigurationError(problems);
  }
  const problems = checkCredentials(result.data);
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return toSettings(result.data);
}

let cached: Settings | undefined;

/** Returns the settings parsed from `process.env` on first use; later calls reuse them. */
export function getSettings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** Forgets the cached settings so that the next `getSettings()` reads `process.env` again. For tests. */
export function resetSettingsCache(): void {
  cached = undefined;
}
