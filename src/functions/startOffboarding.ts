import { app } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../config/settings";
import { createStartOffboardingHandler } from "../http/startOffboardingHandler";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
const { offboarding } = getSettings();

export const startOffboarding = createStartOffboardingHandler({
  getClient: (context) => df.getClient(context),
  getRegistry: getTenantPairRegistry,
  deprovisionTimeoutSeconds: offboarding.deprovisionTimeoutSeconds,
});

app.http("startOffboarding", {
  route: "tenant-pairs/{sourceTenantId}/{targetTenantId}",
  methods: ["DELETE"],
  authLevel: "function",
  extraInputs: [df.input.durableClient()],
  handler: startOffboarding,
});
