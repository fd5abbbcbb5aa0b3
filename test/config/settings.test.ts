import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ConfigurationError, getSettings, parseSettings, resetSettingsCache } from "../../src/config/settings";
import { CLIENT_ID, EMULATOR_ENV, problemsOf } from "./settingsTestHelpers";

const ACCOUNT_KEY = "c3RvcmFnZS1hY2NvdW50LWtleQ==";

function pemFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), "settings-")), "app.pem");
  writeFileSync(path, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
  return path;
}

describe("parseSettings", () => {
  it("applies emulator defaults", () => {
    const settings = parseSettings(EMULATOR_ENV);
    expect(settings.graph).toEqual({
      mode: "emulator",
      baseUrl: "http://127.0.0.1:7072",
      apiVersion: "v1.0",
      clientId: CLIENT_ID,
      clientSecret: "s3cret-value",
      requestTimeoutMs: 30000,
      maxRetries: 3,
    });
    expect(settings.onboarding).toEqual({
      replicationTimeoutSeconds: 600,
      policyPropagationTimeoutSeconds: 900,
      firstCycleTimeoutSeconds: 1200,
    });
    expect(settings.telemetry).toEqual({});
  });

  it("applies live defaults", () => {
    const settings = parseSettings({ ...EMULATOR_ENV, GRAPH_MODE: "live" });
    expect(settings.graph.baseUrl).toBe("https://graph.microsoft.com");
    expect(settings.graph.authorityHost).toBe("https://login.microsoftonline.com");
  });

  it("reads every setting", () => {
    const settings = parseSettings({
      ...EMULATOR_ENV,
      GRAPH_BASE_URL: "http://127.0.0.1:9999/",
      GRAPH_API_VERSION: "beta",
      GRAPH_REQUEST_TIMEOUT_MS: "1500",
      GRAPH_MAX_RETRIES: "0",
      ONBOARDING_REPLICATION_TIMEOUT_SECONDS: "5",
      ONBOARDING_POLICY_PROPAGATION_TIMEOUT_SECONDS: "6",
      ONBOARDING_FIRST_CYCLE_TIMEOUT_SECONDS: "7",
      APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=x",
    });
    expect(settings.graph.baseUrl).toBe("http://127.0.0.1:9999");
    expect(settings.graph.apiVersion).toBe("beta");
    expect(settings.graph.requestTimeoutMs).toBe(1500);
    expect(settings.graph.maxRetries).toBe(0);
    expect(settings.onboarding).toEqual({
      replicationTimeoutSeconds: 5,
      policyPropagationTimeoutSeconds: 6,
      firstCycleTimeoutSeconds: 7,
    });
    expect(settings.telemetry.connectionString).toBe("InstrumentationKey=x");
  });

  it("treats empty values as unset", () => {
    const settings = parseSettings({ ...EMULATOR_ENV, GRAPH_MODE: "", GRAPH_MAX_RETRIES: " " });
    expect(settings.graph.mode).toBe("emulator");
    expect(settings.graph.maxRetries).toBe(3);
  });

  it("names a missing client id", () => {
    expect(problemsOf({ GRAPH_CLIENT_SECRET: "x", AzureWebJobsStorage: "UseDevelopmentStorage=true" })).toEqual([
      "Setting GRAPH_CLIENT_ID is missing.",
    ]);
  });

  it("names a missing storage connection string", () => {
    const { AzureWebJobsStorage: _storage, ...withoutStorage } = EMULATOR_ENV;
    expect(problemsOf(withoutStorage)).toEqual(["Setting AzureWebJobsStorage is missing."]);
  });

  it("reads storage and registry settings", () => {
    const connectionString = `DefaultEndpointsProtocol=https;AccountName=app;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
    const settings = parseSettings({
      ...EMULATOR_ENV,
      AzureWebJobsStorage: connectionString,
      REGISTRY_TABLE_NAME: "Pairs2",
    });
    expect(settings.storage).toEqual({ connectionString });
    expect(settings.registry).toEqual({ tableName: "Pairs2" });
    expect(parseSettings(EMULATOR_ENV).registry.tableName).toBe("TenantPairs");
  });

  it("rejects storage without credentials unechoed", () => {
    const problems = problemsOf({ ...EMULATOR_ENV, AzureWebJobsStorage: `AccountName=app;Key=${ACCOUNT_KEY}` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Setting AzureWebJobsStorage is invalid: must be 'UseDevelopmentStorage=true'/);
    expect(problems[0]).not.toContain(ACCOUNT_KEY);
  });

  it.each(["ab", "1Pairs", "tenant_pairs", "Tables", "a".repeat(64)])("rejects the table name %s", (name) => {
    const problems = problemsOf({ ...EMULATOR_ENV, REGISTRY_TABLE_NAME: name });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Setting REGISTRY_TABLE_NAME is invalid: /);
  });

  it("rejects a client id that is not a GUID", () => {
    expect(problemsOf({ ...EMULATOR_ENV, GRAPH_CLIENT_ID: "my-app" })).toEqual([
      "Setting GRAPH_CLIENT_ID is invalid: must be a GUID.",
    ]);
  });

  it("lists every malformed setting at once", () => {
    const problems = problemsOf({
      ...EMULATOR_ENV,
      GRAPH_MODE: "cloud",
      GRAPH_API_VERSION: "v2",
      GRAPH_BASE_URL: "ftp://example",
      GRAPH_MAX_RETRIES: "11",
      GRAPH_REQUEST_TIMEOUT_MS: "soon",
      ONBOARDING_FIRST_CYCLE_TIMEOUT_SECONDS: "0",
    });
    expect(problems).toHaveLength(6);
    for (const name of [
      "GRAPH_MODE",
      "GRAPH_API_VERSION",
      "GRAPH_BASE_URL",
      "GRAPH_MAX_RETRIES",
      "GRAPH_REQUEST_TIMEOUT_MS",
      "ONBOARDING_FIRST_CYCLE_TIMEOUT_SECONDS",
    ]) {
      expect(problems.some((problem) => problem.startsWith(`Setting ${name} is invalid`))).toBe(true);
    }
  });

  it("rejects a base URL with a query", () => {
    expect(problemsOf({ ...EMULATOR_ENV, GRAPH_BASE_URL: "http://127.0.0.1:1?x=1" })[0]).toMatch(/GRAPH_BASE_URL/);
  });

  it("requires a secret in emulator mode", () => {
    expect(problemsOf({ GRAPH_CLIENT_ID: CLIENT_ID, AzureWebJobsStorage: EMULATOR_ENV.AzureWebJobsStorage })).toEqual([
      "Setting GRAPH_CLIENT_SECRET is missing.",
    ]);
  });

  it("rejects live-only settings in emulator mode", () => {
    const problems = problemsOf({
      ...EMULATOR_ENV,
      GRAPH_CLIENT_CERTIFICATE_PATH: pemFile(),
      GRAPH_AUTHORITY_HOST: "https://login.example",
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/GRAPH_CLIENT_CERTIFICATE_PATH is only used when GRAPH_MODE is 'live'/);
    expect(problems[1]).toMatch(/GRAPH_AUTHORITY_HOST is only used when GRAPH_MODE is 'live'/);
  });

  it("accepts a certificate instead of a secret in live mode", () => {
    const path = pemFile();
    const settings = parseSettings({
      GRAPH_MODE: "live",
      GRAPH_CLIENT_ID: CLIENT_ID,
      AzureWebJobsStorage: EMULATOR_ENV.AzureWebJobsStorage,
      GRAPH_CLIENT_CERTIFICATE_PATH: path,
    });
    expect(settings.graph.certificatePath).toBe(path);
    expect(settings.graph.clientSecret).toBeUndefined();
  });

  it("requires a secret or certificate in live mode", () => {
    expect(
      problemsOf({
        GRAPH_MODE: "live",
        GRAPH_CLIENT_ID: CLIENT_ID,
        AzureWebJobsStorage: EMULATOR_ENV.AzureWebJobsStorage,
      })[0],
    ).toMatch(/GRAPH_CLIENT_SECRET is missing: set it or GRAPH_CLIENT_CERTIFICATE_PATH/);
  });

  it("rejects both a secret and a certificate in live mode", () => {
    const problems = problemsOf({ ...EMULATOR_ENV, GRAPH_MODE: "live", GRAPH_CLIENT_CERTIFICATE_PATH: pemFile() });
    expect(problems).toEqual([
      "Settings GRAPH_CLIENT_SECRET and GRAPH_CLIENT_CERTIFICATE_PATH are both set; set only one.",
    ]);
  });

  it("rejects a missing certificate file", () => {
    const problems = problemsOf({
      GRAPH_MODE: "live",
      GRAPH_CLIENT_ID: CLIENT_ID,
      AzureWebJobsStorage: EMULATOR_ENV.AzureWebJobsStorage,
      GRAPH_CLIENT_CERTIFICATE_PATH: "/nonexistent/app.pem",
    });
    expect(problems).toEqual(["Setting GRAPH_CLIENT_CERTIFICATE_PATH is invalid: no file exists at that path."]);
  });

  it("rejects plain http in live mode", () => {
    const problems = problemsOf({ ...EMULATOR_ENV, GRAPH_MODE: "live", GRAPH_BASE_URL: "http://127.0.0.1:7072" });
    expect(problems).toEqual(["Setting GRAPH_BASE_URL is invalid: live mode sends credentials, so it must use https."]);
  });

  it("never echoes the secret", () => {
    const problems = problemsOf({
      GRAPH_CLIENT_ID: "not-a-guid",
      GRAPH_CLIENT_SECRET: "s3cret-value",
      GRAPH_MODE: "x",
    });
    expect(problems.join(" ")).not.toContain("s3cret-value");
  });
});

describe("getSettings", () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
    resetSettingsCache();
  });

  it("caches until reset", () => {
    process.env = { ...saved, ...EMULATOR_ENV, GRAPH_MAX_RETRIES: "2" };
    resetSettingsCache();
    expect(getSettings().graph.maxRetries).toBe(2);
    process.env.GRAPH_MAX_RETRIES = "5";
    expect(getSettings().graph.maxRetries).toBe(2);
    resetSettingsCache();
    expect(getSettings().graph.maxRetries).toBe(5);
  });

  it("throws ConfigurationError for a bad environment", () => {
    process.env = { ...saved, GRAPH_CLIENT_ID: "", GRAPH_CLIENT_SECRET: "x" };
    resetSettingsCache();
    expect(() => getSettings()).toThrow(ConfigurationError);
    expect(() => getSettings()).toThrow("Setting GRAPH_CLIENT_ID is missing.");
  });
});
