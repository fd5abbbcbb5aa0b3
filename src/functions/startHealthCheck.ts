import { app } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../config/settings";
import { createStartHealthCheckHandler } from "../http/startHealthCheckHandler";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
const { health } = getSettings();

export const startHealthCheck = createStartHealthCheckHandler({
  getClient: (context) => df.getClient(context),
  getRegistry: getTenantPairRegistry,
  remediationEnabled: health.remediationEnabled,
});

app.http("startHealthCheck", {
  route: "tenant-pairs/{sourceTenantId}/{targetTenantId}/health-check",
  methods: ["POST"],
  authLevel: "function",
  extraInputs: [df.input.durableClient()],
  handler: startHealthCheck,
});
