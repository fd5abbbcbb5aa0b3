import { HttpRequest } from "@azure/functions";
import { describe, expect, it } from "vitest";

import { MAX_BODY_BYTES, readJsonObjectBody } from "../../src/http/jsonBody";

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }): HttpRequest {
  return new HttpRequest({ method: "POST", url: "http://127.0.0.1/api/tenant-pairs", body: { string: body }, headers });
}

describe("readJsonObjectBody", () => {
  it("returns a JSON object", async () => {
    expect(await readJsonObjectBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it("accepts a charset parameter and any case", async () => {
    const result = await readJsonObjectBody(post("{}", { "content-type": "Application/JSON; charset=utf-8" }));
    expect(result.ok).toBe(true);
  });

  it.each([
    ["another media type", post("{}", { "content-type": "text/plain" }), /Content-Type text\/plain/],
    ["no content type", post("{}", {}), /must be sent as application\/json/],
    ["invalid JSON", post("{"), /not valid JSON/],
    ["an empty body", post(""), /empty/],
    ["an array", post("[]"), /an array/],
    ["null", post("null"), /null/],
    ["a string", post('"x"'), /a string/],
  ])("rejects %s", async (_name, request, detail) => {
    const result = await readJsonObjectBody(request);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.pointer).toBe("");
    expect(!result.ok && result.problem.detail).toMatch(detail);
  });

  it("rejects a body over the size limit", async () => {
    const body = JSON.stringify({ padding: "x".repeat(MAX_BODY_BYTES) });
    const result = await readJsonObjectBody(post(body));
    expect(!result.ok && result.problem.detail).toMatch(/maximum is 65536 bytes/);
  });

  it("rejects a declared length over the limit without reading", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) });
    const result = await readJsonObjectBody(request);
    expect(!result.ok && result.problem.detail).toMatch(/65537 bytes/);
  });

  it("counts bytes, not characters", async () => {
    const body = JSON.stringify({ padding: "é".repeat(MAX_BODY_BYTES / 2) });
    const result = await readJsonObjectBody(post(body));
    expect(result.ok).toBe(false);
  });
});
