import { app } from "@azure/functions";

import { getSettings } from "../config/settings";
import { createListTenantPairsHandler } from "../http/listTenantPairsHandler";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
getSettings();

export const listTenantPairs = createListTenantPairsHandler({ getRegistry: getTenantPairRegistry });

// POST on the same route is startOnboarding; the methods keep the two functions apart.
app.http("listTenantPairs", {
  route: "tenant-pairs",
  methods: ["GET"],
  authLevel: "function",
  handler: listTenantPairs,
});
