import { getSettings } from "../config/settings";
import { TableTenantPairRegistry } from "./tableTenantPairRegistry";
import type { TenantPairRecord } from "./tenantPairRecord";

export interface ListTenantPairsOptions {
  /** Maximum number of records in the page, 1 to 1000. Table Storage may return fewer even when more follow. */
  pageSize: number;
  /** Token from the previous page; absent for the first page. */
  continuationToken?: string;
}

export interface TenantPairPage {
  items: TenantPairRecord[];
  /** Opaque base64url token of the next page; absent on the last page. */
  continuationToken?: string;
}

/** Computes the new record from the stored one. It may run more than once, so it must not have side effects. */
export type TenantPairChange = (current: TenantPairRecord) => TenantPairRecord;

/**
 * The tenant pairs the service manages, one record per source → target pair. Tenant ids are compared in lower case.
 * Writes keep at most `HEALTH_HISTORY_LIMIT` health results (the newest) and set `updatedAt`.
 */
export interface TenantPairRegistry {
  /** Returns the record, or undefined when the pair is unknown. */
  get(sourceTenantId: string, targetTenantId: string): Promise<TenantPairRecord | undefined>;
  /** Lists records ordered by source, then target tenant id. @throws InvalidContinuationTokenError */
  list(options: ListTenantPairsOptions): Promise<TenantPairPage>;
  /** Creates the record or replaces the stored one entirely, whatever its ETag. Returns what was stored. */
  upsert(record: TenantPairRecord): Promise<TenantPairRecord>;
  /**
   * Reads the record, applies `change` and writes the result unless another writer changed the record in between (ETag). On a conflict (HTTP
   * 412) it reads and applies `change` again, a few times. Returns what was stored.
   * @throws TenantPairNotFoundError when the pair is unknown; RegistryConflictError when every attempt conflicted.
   */
  update(sourceTenantId: string, targetTenantId: string, change: TenantPairChange): Promise<TenantPairRecord>;
}

let registry: TenantPairRegistry | undefined;

/**
 * Returns the process's registry over the table `REGISTRY_TABLE_NAME` in the `AzureWebJobsStorage` account. The
 * table is created on first use.
 */
export function getTenantPairRegistry(): TenantPairRegistry {
  if (registry === undefined) {
    const settings = getSettings();
    registry = TableTenantPairRegistry.fromConnectionString(
      settings.storage.connectionString,
      settings.registry.tableName,
    );
  }
  return registry;
}

/** Forgets the process's registry, so that the next `getTenantPairRegistry()` reads the settings again. For tests. */
export function resetTenantPairRegistry(): void {
  registry = undefined;
}
