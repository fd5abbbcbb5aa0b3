import type { TenantPairIds } from "../../shared/onboardingContracts";
import type { TenantObjectRecord } from "../../shared/onboardingResult";
import type { RollbackItem } from "../../shared/rollbackStatus";
import type { ObjectLedger } from "./objectRecords";

/**
 * Returns the run's object records without those a rollback undid (`undone`). What is left are the adopted objects
 * and the created or changed ones still in place, which the registry keeps so that an offboarding removes them. A
 * service principal goes with its application, because the application's compensation deletes both.
 */
export function remainingObjects(
  ledger: ObjectLedger,
  pair: TenantPairIds,
  undone: readonly RollbackItem[],
): ObjectLedger {
  const isUndone = (tenantId: string, record: TenantObjectRecord) =>
    undone.some(
      (item) =>
        item.tenantId.toLowerCase() === tenantId.toLowerCase() &&
        item.objectType === record.type &&
        item.id.toLowerCase() === record.id.toLowerCase(),
    );
  const applicationUndone = ledger.source.some(
    (record) => record.type === "application" && isUndone(pair.sourceTenantId, record),
  );
  return {
    source: ledger.source.filter(
      (record) => !isUndone(pair.sourceTenantId, record) && !(record.type === "servicePrincipal" && applicationUndone),
    ),
    target: ledger.target.filter((record) => !isUndone(pair.targetTenantId, record)),
  };
}
