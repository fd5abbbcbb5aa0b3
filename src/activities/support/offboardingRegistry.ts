import {
  failOffboarding,
  finishOffboarding,
  offboardingSubject,
  startOffboarding,
} from "../../registry/offboardingChanges";
import type { TenantPairRegistry } from "../../registry/tenantPairRegistry";
import { ActivityNames } from "../../shared/activityNames";
import type {
  MarkOffboardedInput,
  MarkOffboardingInput,
  OffboardingSubject,
  RecordOffboardingFailureInput,
} from "../../shared/offboardingContracts";
import { defineActivity } from "./defineActivity";
import { withRegistryFailures } from "./registryFailure";

export interface OffboardingRegistryDependencies {
  getRegistry: () => TenantPairRegistry;
  now: () => Date;
}

const describePair = (input: { sourceTenantId: string; targetTenantId: string; instanceId: string }) => ({
  sourceTenantId: input.sourceTenantId,
  targetTenantId: input.targetTenantId,
  instanceId: input.instanceId,
});

/**
 * Creates the three registry activities of an offboarding. Each throws `TenantPairNotFoundError` when the pair was
 * removed from the registry meanwhile, which fails the offboarding.
 */
export function createOffboardingRegistryHandlers(dependencies: OffboardingRegistryDependencies) {
  const update = (
    pair: { sourceTenantId: string; targetTenantId: string },
    change: Parameters<TenantPairRegistry["update"]>[2],
  ) => withRegistryFailures(() => dependencies.getRegistry().update(pair.sourceTenantId, pair.targetTenantId, change));
  return {
    /** Sets the state `offboarding` and returns the recorded objects to remove. */
    markPairOffboarding: defineActivity<MarkOffboardingInput, OffboardingSubject>(
      ActivityNames.markPairOffboarding,
      async (input) => {
        const at = dependencies.now().toISOString();
        return offboardingSubject(await update(input, (record) => startOffboarding(record, input, at)));
      },
      describePair,
    ),
    /** Sets the state `offboarded` and stores the result. */
    markPairOffboarded: defineActivity<MarkOffboardedInput, null>(
      ActivityNames.markPairOffboarded,
      async (input) => {
        const at = dependencies.now().toISOString();
        await update(input, (record) => finishOffboarding(record, input, at));
        return null;
      },
      describePair,
    ),
    /** Stores the failed step's error and keeps the state `offboarding`. */
    recordOffboardingFailure: defineActivity<RecordOffboardingFailureInput, null>(
      ActivityNames.recordOffboardingFailure,
      async (input) => {
        const at = dependencies.now().toISOString();
        await update(input, (record) => failOffboarding(record, input, at));
        return null;
      },
      (input) => ({ ...describePair(input), step: input.step }),
    ),
  };
}
