import { setTimeout } from "node:timers/promises";

import { instantiateSyncTemplate } from "../graph/applications";
import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { GraphRequestError, isGraphRequestError } from "../graph/graphRequestError";
import { ActivityNames } from "../shared/activityNames";
import type { CreateSyncApplicationInput, SyncApplication } from "../shared/onboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { findSyncApplication } from "./support/findSyncApplication";

/** Waits before each further look for objects that a failed instantiate may have made; they replicate with a delay. */
const LOOK_AGAIN_DELAYS_MS = [0, 1000, 3000];

/**
 * Looks for the application after a failed instantiate. Nothing matched before the call, so objects found now were
 * made by it and count as created.
 *
 * NOTE: objects that replicate slower than these looks are adopted by a later retry of the step with
 * `created: false`, so a rollback would leave them in place.
 */
async function lookAgain(api: GraphApi, name: string): Promise<SyncApplication | undefined> {
  for (const delayMs of LOOK_AGAIN_DELAYS_MS) {
    await setTimeout(delayMs);
    const found = await findSyncApplication(api, name, true).catch(() => undefined);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/**
 * Creates the sync application and its service principal in the source from the cross-tenant synchronization
 * template, or adopts the ones made earlier under the same configuration name. Instantiate has been seen to fail
 * after creating both objects, so a failed instantiate is followed by another look before the error is thrown.
 * New objects may return 404 for a while, so the ids come from the instantiate response and the readiness step waits.
 */
export const createSyncApplicationHandler = defineActivity<CreateSyncApplicationInput, SyncApplication>(
  ActivityNames.createSyncApplication,
  async (input, log) => {
    const api = createGraphClient(input.sourceTenantId);
    const name = input.configurationName;
    const existing = await findSyncApplication(api, name, false);
    if (existing) {
      const { applicationId: id, appId } = existing;
      log.event(LogEvents.objectAdopted, { objectType: "application", id, appId });
      return existing;
    }
    let instantiated;
    try {
      instantiated = await instantiateSyncTemplate(api, name);
    } catch (error) {
      if (!isGraphRequestError(error)) {
        throw error;
      }
      const found = await lookAgain(api, name);
      if (!found) {
        throw error;
      }
      log.event(LogEvents.instantiateFailedButObjectsFound, { id: found.applicationId, error: error.message });
      return found;
    }
    const { applicationId, appId, servicePrincipalId } = instantiated;
    if (!applicationId || !appId || !servicePrincipalId) {
      throw new GraphRequestError({
        kind: "unknown",
        code: "IncompleteResponse",
        method: "POST",
        path: "/applicationTemplates/instantiate",
        graphMessage: "Instantiate returned no application or service principal id.",
      });
    }
    log.event(LogEvents.objectCreated, { objectType: "application", id: applicationId, appId, servicePrincipalId });
    return { applicationId, appId, servicePrincipalId, created: true };
  },
  (input) => ({ sourceTenantId: input.sourceTenantId, configurationName: input.configurationName }),
);

registerActivity(ActivityNames.createSyncApplication, createSyncApplicationHandler);
