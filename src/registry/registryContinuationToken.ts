import { InvalidContinuationTokenError } from "./registryErrors";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Converts a continuation token of `@azure/data-tables` 13.x (standard base64 of JSON with `nextPartitionKey` and
 * `nextRowKey`) to base64url, so callers can put it in a query string unescaped.
 */
export function toPublicToken(libraryToken: string | undefined): string | undefined {
  if (libraryToken === undefined || libraryToken === "") {
    return undefined;
  }
  return Buffer.from(libraryToken, "base64").toString("base64url");
}

/** Checks a caller's base64url token and converts it back to the library's form. */
export function toLibraryToken(publicToken: string): string {
  if (!BASE64URL.test(publicToken) || publicToken.length > 4096) {
    throw new InvalidContinuationTokenError();
  }
  const json = Buffer.from(publicToken, "base64url");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString("utf8"));
  } catch {
    throw new InvalidContinuationTokenError();
  }
  const token = parsed as { nextPartitionKey?: unknown; nextRowKey?: unknown } | null;
  const validRowKey = token?.nextRowKey === undefined || typeof token.nextRowKey === "string";
  if (typeof token?.nextPartitionKey !== "string" || token.nextPartitionKey === "" || !validRowKey) {
    throw new InvalidContinuationTokenError();
  }
  return json.toString("base64");
}
