import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CROSS_TENANT_SYNC_TEMPLATE_ID, FIXTURE_CLIENT_SECRET } from "../../emulator/fixture";
import { getJson, postJson, startFullStack, waitForOperation, type FullStack } from "../integration/fullStack";
import { createTenantPair, dumpTenant, onboardPair, type TenantPair } from "./faultStack";

const INSTANCES = "/runtime/webhooks/durabletask/instances";

let stack: FullStack;

beforeAll(async () => {
  stack = await startFullStack();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

interface RequestLogEntry {
  method: string;
  path: string;
}

async function graphRequests(): Promise<RequestLogEntry[]> {
  return getJson<RequestLogEntry[]>(`${stack.emulator.url}/_emulator/requests`);
}

async function clearGraphRequests(): Promise<void> {
  await fetch(`${stack.emulator.url}/_emulator/requests`, { method: "DELETE" });
}

function allFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? allFiles(file) : [file];
  });
}

describe("hostile input", () => {
  let quotedPair: TenantPair;
  const quotedName = `O'Brien's "sync" #1 & co/?%`;

  it("onboards with quotes in the configuration name and adopts it again", async () => {
    quotedPair = await createTenantPair(stack.emulator.url, "quoted name");
    const first = await onboardPair(stack.api, quotedPair, { configurationName: quotedName });
    expect(first.runtimeStatus, JSON.stringify(first.error)).toBe("Completed");

    const second = await onboardPair(stack.api, quotedPair, { configurationName: quotedName });
    expect(second.runtimeStatus, JSON.stringify(second.error)).toBe("Completed");
    const created = [...(second.result?.objects.source ?? []), ...(second.result?.objects.target ?? [])].filter(
      (object) => object.created,
    );
    expect(created).toEqual([]);

    const source = await dumpTenant(stack.emulator.url, quotedPair.source.tenantId);
    const applications = (source.applications as Array<{ displayName: string; applicationTemplateId: string }>).filter(
      (application) => application.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID,
    );
    expect(applications).toHaveLength(1);
    expect(applications[0]?.displayName).toBe(quotedName);
  });

  it.each([
    ["a source that is neither GUID nor domain", { source: "contoso", target: "fabrikam.onmicrosoft.com" }],
    ["a tenant id with a bad GUID", { source: "1234-not-a-guid", target: "fabrikam.onmicrosoft.com" }],
    ["a domain with a quote", { source: "o'brien.onmicrosoft.com", target: "fabrikam.onmicrosoft.com" }],
    ["a domain with a path", { source: "contoso.com/../x", target: "fabrikam.onmicrosoft.com" }],
    ["a filter injection", { source: "x') or (1 eq 1", target: "fabrikam.onmicrosoft.com" }],
  ])("rejects %s without a Graph call", async (_name, tenants) => {
    await clearGraphRequests();
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      ...tenants,
      scope: { groups: ["a2000000-0000-4000-8000-000000000001"] },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await graphRequests()).toEqual([]);
  });

  it("answers 422 problem details for an unknown tenant", async () => {
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      source: "no-such-tenant.onmicrosoft.com",
      target: "00000000-0000-4000-8000-000000000000",
      scope: { groups: ["a2000000-0000-4000-8000-000000000001"] },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const text = await response.text();
    expect(text).toContain("no-such-tenant.onmicrosoft.com");
    expect(text).not.toMatch(/\bat .+\.js:\d+/);
  });

  it("starts one orchestration for two concurrent requests", async () => {
    const pair = await createTenantPair(stack.emulator.url, "concurrent");
    const group = pair.source.groups[0]?.id;
    const [byDomain, byId] = await Promise.all([
      postJson(`${stack.api}/tenant-pairs`, {
        source: pair.source.defaultDomainName,
        target: pair.target.defaultDomainName,
        scope: { groups: [group] },
      }),
      postJson(`${stack.api}/tenant-pairs`, {
        source: pair.source.tenantId.toUpperCase(),
        target: pair.target.tenantId,
        scope: { groups: [group] },
      }),
    ]);
    const statuses = [byDomain.status, byId.status].sort();
    expect(statuses).toEqual([202, 409]);

    const instances = await getJson<Array<{ instanceId: string }>>(`${stack.host.loopbackUrl}${INSTANCES}`);
    const forPair = instances.filter((instance) => instance.instanceId.includes(pair.source.tenantId));
    expect(forPair).toHaveLength(1);
    const accepted = (await (byDomain.status === 202 ? byDomain : byId).json()) as { statusUri: string };
    expect((await waitForOperation(accepted.statusUri)).runtimeStatus).toBe("Completed");
  });

  // Runs last, so that it reads the state and logs of every onboarding above.
  it("leaks the client secret nowhere in state, status or logs", async () => {
    const secret = FIXTURE_CLIENT_SECRET;
    const instances = await getJson<Array<{ instanceId: string }>>(`${stack.host.loopbackUrl}${INSTANCES}`);
    expect(instances.length).toBeGreaterThan(0);
    for (const instance of instances) {
      const status = await fetch(
        `${stack.host.loopbackUrl}${INSTANCES}/${instance.instanceId}?showHistory=true&showHistoryOutput=true&showInput=true`,
      );
      expect(await status.text()).not.toContain(secret);
      const operation = await fetch(`${stack.api}/operations/${instance.instanceId}`);
      expect(await operation.text()).not.toContain(secret);
    }

    // Raw bytes of every file, the SQLite database and its write-ahead log included.
    const files = allFiles(stack.host.dataDir);
    expect(files.some((file) => /\.(db|sqlite)/.test(file))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(secret, "utf8")), file).toBe(false);
      expect(bytes.includes(Buffer.from(secret, "utf16le")), file).toBe(false);
    }

    const output = stack.host.output();
    expect(output).toContain("onboardTenantPair");
    expect(output).not.toContain(secret);
    expect(output).not.toMatch(/Bearer\s+[A-Za-z0-9._~+/=-]{8,}/);
  });
});
