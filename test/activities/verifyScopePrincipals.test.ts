import "./testEnvironment";

import { describe, expect, it } from "vitest";

import { ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID, TENANT_A_ID } from "../../emulator/fixture";
import { ScopePrincipalsError } from "../../src/activities/support/scopeProblems";
import { verifyScopePrincipalsHandler } from "../../src/activities/verifyScopePrincipals";
import { parseGraphErrorText } from "../../src/graph/graphErrorText";
import { type EmulatorHarness, expectedError } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";

const USER_1 = "a1000000-0000-4000-8000-000000000001";
const USER_2 = "a1000000-0000-4000-8000-000000000002";
const MISSING_USER_1 = "0dead000-0000-4000-8000-000000000001";
const MISSING_USER_2 = "0dead000-0000-4000-8000-000000000002";
const MISSING_GROUP = "0dead000-0000-4000-8000-0000000000f1";

let emulator: EmulatorHarness;

function verify(users: string[], groups: string[]) {
  return verifyScopePrincipalsHandler({ sourceTenantId: TENANT_A_ID, users, groups }, emulator.context());
}

function madeUpIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `0dead000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`);
}

async function makeGuest(userId: string): Promise<void> {
  await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_A_ID}/users/${userId}`, { userType: "Guest" });
}

useEmulatorPerFile((started) => {
  emulator = started;
});

describe("verifyScopePrincipals", () => {
  it("counts users and groups that all exist", async () => {
    const output = await verify([USER_1, USER_2], [ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID]);

    expect(output).toEqual({ users: 2, guestUsers: 0, disabledUsers: 0, groups: 2 });
  });

  it("reads with GET only, once per distinct id", async () => {
    await emulator.clearRequests();
    await verify([USER_1, USER_1.toUpperCase()], [ALL_EMPLOYEES_GROUP_ID]);

    const requests = await emulator.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual([
      `GET /v1.0/groups/${ALL_EMPLOYEES_GROUP_ID}`,
      `GET /v1.0/users/${USER_1}`,
    ]);
  });

  it("lists missing users and groups in one error", async () => {
    const error = await expectedError(
      verify([USER_1, MISSING_USER_1, MISSING_USER_2], [ALL_EMPLOYEES_GROUP_ID, MISSING_GROUP]),
    );

    expect(error).toBeInstanceOf(ScopePrincipalsError);
    expect(error.message).toBe(
      `Not found in the source tenant: 2 of 3 users (${MISSING_USER_1}, ${MISSING_USER_2}); ` +
        `1 of 2 groups (${MISSING_GROUP}). Fix scope.users and scope.groups, then start the onboarding again.`,
    );
    expect((error as ScopePrincipalsError).missingUsers).toEqual([MISSING_USER_1, MISSING_USER_2]);
    expect((error as ScopePrincipalsError).missingGroups).toEqual([MISSING_GROUP]);
    // Not a Graph error line, so the orchestrator treats it as permanent and does not retry.
    expect(parseGraphErrorText(error.message)).toBeUndefined();
  });

  it("checks 1000 made-up users and caps the listed ids", async () => {
    const ids = madeUpIds(1000);
    await emulator.clearRequests();
    const error = (await expectedError(verify(ids, []))) as ScopePrincipalsError;

    expect(error.missingUsers).toHaveLength(1000);
    expect(error.message).toContain(`1000 of 1000 users (${ids.slice(0, 8).join(", ")} and 992 more)`);
    expect(error.message).not.toContain(ids[8]);
    const requests = await emulator.requests();
    expect(requests).toHaveLength(1000);
    expect(requests.every((request) => request.method === "GET" && request.status === 404)).toBe(true);
  });

  it("rejects a scope of guest users only", async () => {
    await makeGuest(USER_1);
    await makeGuest(USER_2);
    const error = (await expectedError(verify([USER_1, USER_2], []))) as ScopePrincipalsError;

    expect(error.guestsOnly).toBe(true);
    expect(error.missingUsers).toEqual([]);
    expect(error.message).toMatch(
      /^Every user found has userType Guest, but Graph requires at least one internal user/,
    );
  });

  it("accepts guests next to a member or a group", async () => {
    await makeGuest(USER_1);

    await expect(verify([USER_1, USER_2], [])).resolves.toMatchObject({ users: 2, guestUsers: 1 });
    await expect(verify([USER_1], [ALL_EMPLOYEES_GROUP_ID])).resolves.toMatchObject({ guestUsers: 1, groups: 1 });
  });

  it("counts disabled users", async () => {
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_A_ID}/users/${USER_2}`, { accountEnabled: false });

    await expect(verify([USER_1, USER_2], [])).resolves.toMatchObject({ users: 2, disabledUsers: 1 });
  });

  it("throws a transient Graph error, not a not-found list", async () => {
    await emulator.fault({ method: "GET", path: "^/users/", status: 500, code: "InternalServerError", times: 10 });
    const error = await expectedError(verify([USER_1, MISSING_USER_1], []));

    expect(error).not.toBeInstanceOf(ScopePrincipalsError);
    expect(parseGraphErrorText(error.message)).toMatchObject({ kind: "transient", status: 500 });
  });

  it("throws a 403 as it is", async () => {
    await emulator.fault({ method: "GET", path: "^/groups/", status: 403, code: "Authorization_RequestDenied" });
    const error = await expectedError(verify([USER_1], [ALL_EMPLOYEES_GROUP_ID]));

    expect(parseGraphErrorText(error.message)).toMatchObject({
      kind: "forbidden",
      code: "Authorization_RequestDenied",
    });
  });
});
