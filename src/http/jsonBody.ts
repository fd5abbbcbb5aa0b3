import type { HttpRequest } from "@azure/functions";

import { type FieldProblem } from "./problemDetails";

/** Largest request body accepted, in bytes. It fits about 1,600 quoted object ids, so wider scopes should use groups. */
export const MAX_BODY_BYTES = 64 * 1024;

export type JsonBodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; problem: FieldProblem };

/**
 * Reads a request body that must be a JSON object sent as `application/json` (parameters such as charset allowed)
 * and at most `MAX_BODY_BYTES` long. A failure names the whole body (pointer "").
 */
export async function readJsonObjectBody(request: HttpRequest): Promise<JsonBodyResult> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    const received = contentType === "" ? "no Content-Type" : `Content-Type ${contentType}`;
    return failure(`The body must be sent as application/json, but the request has ${received}.`);
  }
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_BODY_BYTES) {
    return failure(`The body is ${declaredLength} bytes; the maximum is ${MAX_BODY_BYTES} bytes.`);
  }
  const text = await request.text();
  const length = Buffer.byteLength(text, "utf8");
  if (length > MAX_BODY_BYTES) {
    return failure(`The body is ${length} bytes; the maximum is ${MAX_BODY_BYTES} bytes.`);
  }
  if (text.trim() === "") {
    return failure("The body is empty; send a JSON object.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "it could not be parsed";
    return failure(`The body is not valid JSON: ${reason}.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return failure(`The body must be a JSON object, but it is ${describeJsonKind(value)}.`);
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function failure(detail: string): JsonBodyResult {
  return { ok: false, problem: { pointer: "", detail } };
}

function describeJsonKind(value: unknown): string {
  if (value === null) {
    return "null";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  return `a ${typeof value}`;
}
