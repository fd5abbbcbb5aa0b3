import { getTenantPairRegistry, type TenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { ListTenantPairsInput, ListTenantPairsOutput } from "../shared/healthContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { toHealthCheckTarget, UNCHECKED_STATES } from "../shared/healthTargets";

/** Creates the activity that reads one page of registered pairs and returns those a health check should look at. */
export function createListTenantPairsHandler(getRegistry: () => TenantPairRegistry) {
  return defineActivity<ListTenantPairsInput, ListTenantPairsOutput>(
    ActivityNames.listTenantPairs,
    async (input) => {
      const options =
        input.continuationToken === undefined
          ? { pageSize: input.pageSize }
          : { pageSize: input.pageSize, continuationToken: input.continuationToken };
      const page = await getRegistry().list(options);
      const checked = page.items.filter((record) => !UNCHECKED_STATES.has(record.state));
      const output: ListTenantPairsOutput = {
        targets: checked.map(toHealthCheckTarget),
        skipped: page.items.length - checked.length,
      };
      if (page.continuationToken !== undefined) {
        output.continuationToken = page.continuationToken;
      }
      return output;
    },
    (input) => ({ pageSize: input.pageSize, continued: input.continuationToken !== undefined }),
  );
}

export const listTenantPairsHandler = createListTenantPairsHandler(getTenantPairRegistry);

registerActivity(ActivityNames.listTenantPairs, listTenantPairsHandler);
