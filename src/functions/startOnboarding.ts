import { app } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../config/settings";
import { resolveTenant } from "../graph/tenantLookup";
import { createStartOnboardingHandler } from "../http/startOnboardingHandler";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
const { onboarding } = getSettings();

export const startOnboarding = createStartOnboardingHandler({
  getClient: (context) => df.getClient(context),
  resolveTenant,
  waits: {
    replicationTimeoutSeconds: onboarding.replicationTimeoutSeconds,
    policyPropagationTimeoutSeconds: onboarding.policyPropagationTimeoutSeconds,
    firstCycleTimeoutSeconds: onboarding.firstCycleTimeoutSeconds,
  },
});

app.http("startOnboarding", {
  route: "tenant-pairs",
  methods: ["POST"],
  authLevel: "function",
  extraInputs: [df.input.durableClient()],
  handler: startOnboarding,
});
