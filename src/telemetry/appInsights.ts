import type { TelemetryClient } from "applicationinsights";

let client: TelemetryClient | undefined;
let startedWith: string | undefined;

/**
 * Starts Application Insights (dependencies, exceptions and the custom events of `trackEvent`) when a connection
 * string is given; does nothing otherwise. Later calls with the same connection string do nothing.
 */
export function startTelemetry(connectionString: string | undefined): void {
  if (!connectionString || startedWith === connectionString) {
    return;
  }
  // Loaded only when configured: the SDK and its OpenTelemetry packages take about a second to load.
  const appInsights = require("applicationinsights") as typeof import("applicationinsights");
  appInsights.setup(connectionString).setAutoCollectConsole(false).start();
  client = appInsights.defaultClient;
  startedWith = connectionString;
}

export type TelemetryProperties = Record<string, string>;

export type TelemetryMeasurements = Record<string, number>;

/** Sends a custom event, with optional numeric measurements, when Application Insights is started; does nothing otherwise. */
export function trackEvent(name: string, properties: TelemetryProperties, measurements?: TelemetryMeasurements): void {
  client?.trackEvent(measurements === undefined ? { name, properties } : { name, properties, measurements });
}

export function isTelemetryStarted(): boolean {
  return client !== undefined;
}
