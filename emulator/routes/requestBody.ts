import { badRequest } from "../http/graphError";

/** Returns the request body as an object, or throws Graph's 400 for a missing or non-object body. */
export function requireObjectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("The request body is missing or is not a JSON object.", "BadRequest");
  }
  return body as Record<string, unknown>;
}

/** Returns a required string property, or throws a 400 naming it. */
export function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== "string" || value === "") {
    throw badRequest(`Property '${name}' is required and must be a non-empty string.`);
  }
  return value;
}

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

/** Decodes a quoted OData function parameter, where `''` stands for one quote. */
export function decodeFunctionParameter(value: string): string {
  return value.replace(/''/g, "'");
}
