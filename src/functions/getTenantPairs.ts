import { app } from "@azure/functions";

import { getSettings } from "../config/settings";
import { createListTenantPairsHandler } from "../http/listTenantPairsHandler";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
getSettings();

export const getTenantPairs = createListTenantPairsHandler({ getRegistry: getTenantPairRegistry });

// POST on the same route is startOnboarding; the methods keep the two functions apart. The name differs from the
// health check's `listTenantPairs` activity because function names are unique across an app.
app.http("getTenantPairs", {
  route: "tenant-pairs",
  methods: ["GET"],
  authLevel: "function",
  handler: getTenantPairs,
});
