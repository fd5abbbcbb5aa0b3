import { describe, expect, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  TENANT_A_ID,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { dumpTenant, getJson, postJson, waitForOperation } from "../integration/fullStack";
import { waitFor } from "../local-host/spawnHost";
import { waitForOutcome } from "./crashDriver";
import { CrashStack } from "./crashStack";
import { addFault, isFaultTaken } from "./emulatorFaults";
import { stepRequests } from "./killPoints";

/*
 * The host dies after Graph applied the instantiate but before the activity's result was recorded. The step runs
 * again after the restart and finds the application in place, yet the run must still count it as its own, so that
 * the registry keeps it as created and offboarding deletes it.
 */

interface RecordedObjects {
  created: Array<{ type: string; id: string }>;
  adopted: Array<{ type: string; id: string }>;
}

interface PairRecord {
  objects: { source: RecordedObjects; target: RecordedObjects };
}

const onboardingRequest = { source: TENANT_A_ID, target: TENANT_B_ID, scope: { groups: [ALL_EMPLOYEES_GROUP_ID] } };

describe("created objects across a host crash", () => {
  it("crash after instantiate still records the application created", async () => {
    const stack = await CrashStack.create();
    try {
      // The emulator applies the instantiate, then delays its response far longer than the test takes to kill the host.
      const faultId = await addFault(stack.emulator.url, {
        ...stepRequests.createSyncApplication.write,
        delayMs: 8000,
        when: "after",
      });
      await stack.startHost();
      const response = await postJson(`${stack.api}/tenant-pairs`, onboardingRequest);
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      await waitFor(async () => ((await isFaultTaken(stack.emulator.url, faultId)) ? true : undefined), 20_000, 20);
      await stack.killHost();
      await stack.startHost();

      const summary = await waitForOutcome(stack, id);
      expect(summary.runtimeStatus).toBe("Completed");
      const source = summary.result?.objects.source ?? [];
      const createdOf = (type: string) =>
        source.filter((record) => record.type === type).map((record) => record.created);
      expect(createdOf("application")).toEqual([true]);
      expect(createdOf("servicePrincipal")).toEqual([true]);
      expect(createdOf("synchronizationJob")).toEqual([true]);

      const pairUrl = `${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}`;
      const record = await getJson<PairRecord>(pairUrl);
      const createdTypes = record.objects.source.created.map((object) => object.type);
      expect(createdTypes).toContain("application");
      expect(createdTypes).toContain("servicePrincipal");
      expect(record.objects.source.adopted.map((object) => object.type)).not.toContain("application");

      const offboarding = await fetch(pairUrl, {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ keepSyncedUsers: true }),
      });
      expect(offboarding.status).toBe(202);
      const { statusUri } = (await offboarding.json()) as { statusUri: string };
      expect((await waitForOperation(statusUri, 60_000)).runtimeStatus).toBe("Completed");
      const after = await dumpTenant(stack.emulator.url, TENANT_A_ID);
      const syncApplications = after.applications.filter(
        (app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID,
      );
      expect(syncApplications).toEqual([]);
    } finally {
      await stack.close();
    }
  }, 120_000);
});
