import { resolveTenant } from "../graph/tenantLookup";
import { ActivityNames } from "../shared/activityNames";
import type { ResolveTenantsInput, ResolveTenantsOutput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Resolves the source and target (tenant id or domain) and checks that they are two different tenants. */
export const resolveTenantsHandler = defineActivity<ResolveTenantsInput, ResolveTenantsOutput>(
  ActivityNames.resolveTenants,
  async (input) => {
    const [source, target] = await Promise.all([resolveTenant(input.source), resolveTenant(input.target)]);
    if (source.tenantId.toLowerCase() === target.tenantId.toLowerCase()) {
      throw new Error(
        `Source '${input.source}' and target '${input.target}' are the same tenant (${source.tenantId}); ` +
          "cross-tenant synchronization needs two different tenants.",
      );
    }
    return { source, target };
  },
  (input) => ({ source: input.source, target: input.target }),
);

registerActivity(ActivityNames.resolveTenants, resolveTenantsHandler);
