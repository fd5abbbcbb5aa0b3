import { getServicePrincipal, syncAppRoleId } from "../graph/applications";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { ActivityNames } from "../shared/activityNames";
import type { ReadServicePrincipalOutput, ServicePrincipalInput } from "../shared/onboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

/**
 * Probes the sync service principal once. 404, and 403 which fresh objects also give for a while, mean "not
 * replicated yet": the step returns `{ready: false}` and the orchestrator waits with a durable timer.
 *
 * NOTE: a lasting 403 (a missing permission) also reads as not ready, so it surfaces as the orchestrator's
 * replication timeout. The logged event carries the Graph code to tell the two apart.
 */
export const readServicePrincipalHandler = defineActivity<ServicePrincipalInput, ReadServicePrincipalOutput>(
  ActivityNames.readServicePrincipal,
  async (input, log) => {
    let servicePrincipal;
    try {
      servicePrincipal = await getServicePrincipal(createGraphClient(input.sourceTenantId), input.servicePrincipalId);
    } catch (error) {
      if (isGraphRequestError(error) && (error.kind === "notFound" || error.kind === "forbidden")) {
        log.event(LogEvents.servicePrincipalNotReady, { id: input.servicePrincipalId, graphCode: error.code });
        return { ready: false, graphCode: error.code };
      }
      throw error;
    }
    const appRoleId = syncAppRoleId(servicePrincipal);
    if (!appRoleId) {
      throw new Error(
        `Service principal ${input.servicePrincipalId} has no enabled msiam_access app role, so no user or group can ` +
          "be assigned. Check that it was made from the cross-tenant synchronization template.",
      );
    }
    return { ready: true, appRoleId };
  },
  (input) => ({ sourceTenantId: input.sourceTenantId, servicePrincipalId: input.servicePrincipalId }),
);

registerActivity(ActivityNames.readServicePrincipal, readServicePrincipalHandler);
