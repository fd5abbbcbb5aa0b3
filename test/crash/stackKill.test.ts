import { describe, expect, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  TENANT_A_DOMAIN,
  TENANT_A_ID,
  TENANT_B_DOMAIN,
  TENANT_B_ID,
} from "../../emulator/fixture";
import type { TenantPairListItem } from "../../src/http/tenantPairSummary";
import { dumpTenant, getJson, postJson, waitForOperation, type OperationSummary } from "../integration/fullStack";
import { waitFor } from "../local-host/spawnHost";
import { ProcessStack } from "./processStack";
import { expectOnboardedOnce } from "./tenantInvariants";

/*
 * What a tester did to `npm start`: kill -9 of its whole process group (Azurite, the emulator and the host) in the
 * middle of an onboarding, then start everything again on the same data. The onboarding must finish with each object
 * once in both tenants, which needs the emulator's state file as much as the host's durable store.
 */

const scopeGroups = [ALL_EMPLOYEES_GROUP_ID];
const onboardingRequest = { source: TENANT_A_DOMAIN, target: TENANT_B_DOMAIN, scope: { groups: scopeGroups } };

/**
 * Azurite (LokiJS) saves its data about every 5 s, so a kill sooner after the registry write could lose that write.
 * The wait keeps this test about the emulator and the host.
 */
const AZURITE_SAVE_WAIT_MS = 5500;

describe("kill -9 of every npm start process", () => {
  it("resumes and onboards once", async () => {
    const stack = await ProcessStack.create();
    try {
      await stack.start();
      // A long replication delay gives the test time to kill the stack while the host waits for the new service principal.
      await stack.setEmulatorSettings({
        replicationDelayMs: 8000,
        policyPropagationDelayMs: 300,
        syncCycleIntervalMs: 500,
      });
      const response = await postJson(`${stack.api}/tenant-pairs`, onboardingRequest);
      expect(response.status).toBe(202);
      const { id, statusUri } = (await response.json()) as { id: string; statusUri: string };
      const registryWrittenAt = Date.now();

      await waitFor(async () => {
        const summary = await getJson<OperationSummary>(`${stack.api}/operations/${id}`);
        const waiting = summary.steps.some(
          (step) => step.name === "waitForServicePrincipal" && step.state === "waiting",
        );
        return waiting ? true : undefined;
      }, 30_000);
      const wait = AZURITE_SAVE_WAIT_MS - (Date.now() - registryWrittenAt);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await stack.killAll();

      await stack.start();
      const summary = await waitForOperation(`${stack.api}/operations/${id}`, 90_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\nHost output:\n${stack.hostOutput()}`);
      });
      expect(summary.error).toBeUndefined();
      expect(summary.runtimeStatus).toBe("Completed");
      expect(summary.result?.firstCycle.completed).toBe(true);
      expect(statusUri).toContain(id);
      await expectOnboardedOnce(stack.emulatorUrl, scopeGroups, "after kill -9");

      // The registry names the objects that the emulator still has.
      const pair = await getJson<TenantPairListItem>(`${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}`);
      const source = await dumpTenant(stack.emulatorUrl, TENANT_A_ID);
      const jobIds = source.servicePrincipals.flatMap((sp) => sp.synchronization.jobs.map((job) => job.id));
      expect(pair.state).toBe("active");
      expect(jobIds).toEqual([pair.synchronization.jobId]);
    } finally {
      await stack.close();
    }
  }, 150_000);
});
