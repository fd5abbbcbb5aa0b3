/** The Azurite shortcut that `@azure/data-tables` expands to the well-known development account on 127.0.0.1. */
export const DEVELOPMENT_STORAGE = "UseDevelopmentStorage=true";

/** Splits a storage connection string into its `Key=Value` parts; keys are compared without case. */
export function connectionStringParts(connectionString: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0) {
      parts.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
    }
  }
  return parts;
}

/**
 * Checks that a value is a connection string the Table client accepts: `UseDevelopmentStorage=true`, an account
 * connection string with `AccountName` and `AccountKey`, or a SAS connection string with `TableEndpoint` and
 * `SharedAccessSignature`. Returns what is wrong, without echoing the value because it contains a key, or undefined.
 */
export function checkStorageConnectionString(value: string): string | undefined {
  const parts = connectionStringParts(value);
  if (parts.get("usedevelopmentstorage")?.toLowerCase() === "true") {
    return undefined;
  }
  const hasAccountKey = parts.has("accountname") && parts.has("accountkey");
  const hasSas = parts.has("tableendpoint") && parts.has("sharedaccesssignature");
  if (!hasAccountKey && !hasSas) {
    return (
      `must be '${DEVELOPMENT_STORAGE}', a connection string with AccountName and AccountKey, ` +
      "or one with TableEndpoint and SharedAccessSignature"
    );
  }
  const endpoint = parts.get("tableendpoint");
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    return "has a TableEndpoint that is not an absolute http or https URL";
  }
  return undefined;
}

/**
 * Tells whether the Table client must be allowed to send requests over http: for the development shortcut and for
 * an explicit http `TableEndpoint`, which is how Azurite is reached.
 */
export function usesHttpTableEndpoint(connectionString: string): boolean {
  const parts = connectionStringParts(connectionString);
  if (parts.get("usedevelopmentstorage")?.toLowerCase() === "true") {
    return true;
  }
  const endpoint = parts.get("tableendpoint");
  if (endpoint !== undefined) {
    return endpoint.toLowerCase().startsWith("http:");
  }
  return parts.get("defaultendpointsprotocol")?.toLowerCase() === "http";
}
