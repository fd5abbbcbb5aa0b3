import { app } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../config/settings";
import { resolveTenantQuickly } from "../graph/quickTenantLookup";
import { createStartOnboardingHandler } from "../http/startOnboardingHandler";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
const { onboarding, offboarding } = getSettings();

export const startOnboarding = createStartOnboardingHandler({
  getClient: (context) => df.getClient(context),
  // The caller waits for this lookup, so it gets a short budget of its own instead of the activities' retries.
  resolveTenant: (nameOrId) => resolveTenantQuickly(nameOrId),
  getRegistry: getTenantPairRegistry,
  waits: {
    replicationTimeoutSeconds: onboarding.replicationTimeoutSeconds,
    policyPropagationTimeoutSeconds: onboarding.policyPropagationTimeoutSeconds,
    firstCycleTimeoutSeconds: onboarding.firstCycleTimeoutSeconds,
    // A rollback waits for sync cycles to delete synced users as long as an offboarding would.
    deprovisionTimeoutSeconds: offboarding.deprovisionTimeoutSeconds,
  },
});

app.http("startOnboarding", {
  route: "tenant-pairs",
  methods: ["POST"],
  authLevel: "function",
  extraInputs: [df.input.durableClient()],
  handler: startOnboarding,
});
