import { app } from "@azure/functions";

import { getSettings } from "../config/settings";
import { createGetTenantPairHandler } from "../http/getTenantPairHandler";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
getSettings();

export const getTenantPair = createGetTenantPairHandler({ getRegistry: getTenantPairRegistry });

app.http("getTenantPair", {
  route: "tenant-pairs/{sourceTenantId}/{targetTenantId}",
  methods: ["GET"],
  authLevel: "function",
  handler: getTenantPair,
});
