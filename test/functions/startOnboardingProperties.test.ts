import { createHash } from "node:crypto";

import { HttpRequest, type HttpResponseInit, InvocationContext } from "@azure/functions";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { TenantNotFoundError } from "../../src/graph/tenantLookup";
import { createStartOnboardingHandler } from "../../src/http/startOnboardingHandler";
import type { TenantInfo } from "../../src/shared/onboardingContracts";
import { FakeDurableClient } from "./support/fakeDurableClient";

const WAITS = { replicationTimeoutSeconds: 600, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 1200 };
const GROUP_ID = "a2000000-0000-4000-8000-000000000001";

/** Resolves every name to a tenant id derived from it, except names starting with "unknown", which are not found. */
async function resolveTenant(nameOrId: string): Promise<TenantInfo> {
  if (nameOrId.startsWith("unknown")) {
    throw new TenantNotFoundError(nameOrId);
  }
  const hex = createHash("sha256").update(nameOrId).digest("hex");
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { tenantId, displayName: nameOrId, defaultDomainName: nameOrId };
}

interface Outcome {
  response: HttpResponseInit;
  started: number;
}

async function post(
  body: { string: string } | { bytes: Uint8Array },
  contentType: string | undefined,
): Promise<Outcome> {
  const client = new FakeDurableClient();
  const handler = createStartOnboardingHandler({
    getClient: () => client,
    resolveTenant,
    getRegistry: () => ({ get: async () => undefined }),
    waits: WAITS,
  });
  const request = new HttpRequest({
    method: "POST",
    url: "http://127.0.0.1:7071/api/tenant-pairs",
    body,
    headers: contentType === undefined ? {} : { "content-type": contentType },
  });
  const response = await handler(request, new InvocationContext({ logHandler: () => undefined }));
  return { response, started: client.started.length };
}

/** 202 with exactly one start, or a 4xx problem with none; never a 5xx. */
function expectAcceptedOrProblem({ response, started }: Outcome): void {
  const status = response.status ?? 200;
  if (status === 202) {
    expect(started).toBe(1);
    return;
  }
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(started).toBe(0);
  const headers = response.headers as Record<string, string>;
  expect(headers["Content-Type"]).toBe("application/problem+json");
  const problem = JSON.parse(response.body as string) as { status: number; title: string };
  expect(problem.status).toBe(status);
  expect(typeof problem.title).toBe("string");
}

const tenantName = fc.oneof(
  fc.uuid(),
  fc.domain(),
  fc.constant("unknown.onmicrosoft.com"),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 300 }),
);
const anyValue = fc.oneof(fc.jsonValue(), tenantName, fc.array(fc.uuid(), { maxLength: 3 }));

/** Bodies close to a valid request, so that most reach tenant resolution and some start an onboarding. */
const nearlyValidBody = fc.record(
  {
    source: fc.oneof(tenantName, anyValue),
    target: fc.oneof(tenantName, anyValue),
    configurationName: fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), anyValue),
    scope: fc.oneof(
      fc.record(
        { users: fc.array(fc.uuid(), { maxLength: 3 }), groups: fc.constant([GROUP_ID]) },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    rollbackOnFailure: fc.oneof(fc.boolean(), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

const validBody = fc.record(
  {
    source: fc.oneof(fc.uuid(), fc.domain()),
    target: fc.oneof(fc.uuid(), fc.domain()),
    configurationName: fc.string({ unit: "grapheme", minLength: 1, maxLength: 100 }),
    scope: fc.constant({ groups: [GROUP_ID] }),
    rollbackOnFailure: fc.boolean(),
  },
  { requiredKeys: ["source", "target", "scope"] },
);

const contentType = fc.oneof(
  fc.constant("application/json"),
  fc.constant("application/json; charset=utf-8"),
  fc.constant("APPLICATION/JSON"),
  fc.constant(undefined),
  fc.constant("text/plain"),
  fc.constant("application/x-www-form-urlencoded"),
  fc.string(),
);

describe("POST /api/tenant-pairs with arbitrary input", () => {
  it("answers 202 or a 4xx problem for arbitrary JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectAcceptedOrProblem(await post({ string: JSON.stringify(value) ?? "" }, "application/json"));
      }),
      { numRuns: 300 },
    );
  });

  it("answers 202 or a 4xx problem for nearly valid bodies", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(validBody, nearlyValidBody), contentType, async (body, type) => {
        const outcome = await post({ string: JSON.stringify(body) }, type);
        expectAcceptedOrProblem(outcome);
        accepted += outcome.response.status === 202 ? 1 : 0;
      }),
      { numRuns: 500 },
    );
    // Without accepted bodies the property would only cover rejections.
    expect(accepted).toBeGreaterThan(0);
  });

  it("answers a 4xx problem for text and bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 2000 }).map((text) => ({ string: text })),
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ bytes })),
        ),
        contentType,
        async (body, type) => {
          const outcome = await post(body, type);
          expectAcceptedOrProblem(outcome);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects huge values with a 4xx problem", async () => {
    const huge = "x".repeat(200_000);
    const bodies = [
      { source: huge, target: "fabrikam.onmicrosoft.com", scope: { groups: [GROUP_ID] } },
      {
        source: "contoso.onmicrosoft.com",
        target: "fabrikam.onmicrosoft.com",
        configurationName: huge.slice(0, 60_000),
        scope: { groups: [GROUP_ID] },
      },
      {
        source: "contoso.onmicrosoft.com",
        target: "fabrikam.onmicrosoft.com",
        scope: { users: Array(5000).fill(GROUP_ID) },
      },
      {
        source: "contoso.onmicrosoft.com",
        target: "fabrikam.onmicrosoft.com",
        scope: { groups: [GROUP_ID] },
        n: 1e308 * 10,
      },
    ].map((body) => JSON.stringify(body));
    // Deep nesting, written as text because JSON.stringify itself would overflow the stack.
    const deep = 20_000;
    bodies.push(`${"[".repeat(deep)}${"]".repeat(deep)}`);
    bodies.push(`{"source":${"[".repeat(deep)}${"]".repeat(deep)},"target":"a.com","scope":{"groups":[]}}`);
    bodies.push(`{"scope":${'{"a":'.repeat(deep)}1${"}".repeat(deep)}}`);
    for (const body of bodies) {
      const outcome = await post({ string: body }, "application/json");
      expectAcceptedOrProblem(outcome);
      expect(outcome.response.status).not.toBe(202);
    }
  });
});
