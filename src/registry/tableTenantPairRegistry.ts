import { RestError, TableClient } from "@azure/data-tables";

import { usesHttpTableEndpoint } from "../config/storageConnectionString";
import { toLibraryToken, toPublicToken } from "./registryContinuationToken";
import { RegistryConflictError, TenantPairNotFoundError } from "./registryErrors";
import { entityKeys, fromEntity, toEntity, type TenantPairEntity } from "./tenantPairEntity";
import type { TenantPairRecord } from "./tenantPairRecord";
import type {
  ListTenantPairsOptions,
  TenantPairChange,
  TenantPairPage,
  TenantPairRegistry,
} from "./tenantPairRegistry";

/** Attempts of one `update` before it gives up on a record that other writers keep changing. */
export const MAX_UPDATE_ATTEMPTS = 5;
const MAX_PAGE_SIZE = 1000;

export interface TableRegistryOptions {
  /** Clock for `updatedAt`; tests pass a fixed one. */
  now?: () => Date;
  /** Called before each retry of a conflicting update, with the attempt that failed (1 = first). */
  beforeRetry?: (attempt: number) => Promise<void>;
}

/** The tenant-pair registry on Azure Table Storage (or Azurite): partition key = source id, row key = target id. */
export class TableTenantPairRegistry implements TenantPairRegistry {
  readonly #client: TableClient;
  readonly #now: () => Date;
  readonly #beforeRetry: (attempt: number) => Promise<void>;
  #tableReady: Promise<void> | undefined;

  constructor(client: TableClient, options: TableRegistryOptions = {}) {
    this.#client = client;
    this.#now = options.now ?? (() => new Date());
    this.#beforeRetry = options.beforeRetry ?? retryDelay;
  }

  /** Creates a registry over `tableName`; http endpoints, as Azurite uses, are allowed for local development. */
  static fromConnectionString(
    connectionString: string,
    tableName: string,
    options: TableRegistryOptions = {},
  ): TableTenantPairRegistry {
    const client = TableClient.fromConnectionString(connectionString, tableName, {
      allowInsecureConnection: usesHttpTableEndpoint(connectionString),
    });
    return new TableTenantPairRegistry(client, options);
  }

  async get(sourceTenantId: string, targetTenantId: string): Promise<TenantPairRecord | undefined> {
    return (await this.#read(sourceTenantId, targetTenantId))?.record;
  }

  async list(options: ListTenantPairsOptions): Promise<TenantPairPage> {
    if (!Number.isInteger(options.pageSize) || options.pageSize < 1 || options.pageSize > MAX_PAGE_SIZE) {
      throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${options.pageSize}.`);
    }
    const settings: { maxPageSize: number; continuationToken?: string } = { maxPageSize: options.pageSize };
    if (options.continuationToken !== undefined) {
      settings.continuationToken = toLibraryToken(options.continuationToken);
    }
    await this.#ensureTable();
    const pages = this.#client.listEntities<Record<string, unknown>>().byPage(settings);
    const page = await pages.next();
    if (page.done === true) {
      return { items: [] };
    }
    const result: TenantPairPage = { items: page.value.map((entity) => fromEntity(entity)) };
    const next = toPublicToken(page.value.continuationToken);
    if (next !== undefined) {
      result.continuationToken = next;
    }
    return result;
  }

  async upsert(record: TenantPairRecord): Promise<TenantPairRecord> {
    const entity = toEntity({ ...record, updatedAt: this.#now().toISOString() });
    await this.#ensureTable();
    await this.#client.upsertEntity(entity, "Replace");
    return fromEntity(entity);
  }

  async update(sourceTenantId: string, targetTenantId: string, change: TenantPairChange): Promise<TenantPairRecord> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(sourceTenantId, targetTenantId);
      if (current === undefined) {
        throw new TenantPairNotFoundError(sourceTenantId, targetTenantId);
      }
      const changed = change(current.record);
      const entity = toEntity({
        ...changed,
        // The keys and the creation time are the stored record's, whatever `change` returned.
        sourceTenantId: current.record.sourceTenantId,
        targetTenantId: current.record.targetTenantId,
        createdAt: current.record.createdAt,
        updatedAt: this.#now().toISOString(),
      });
      try {
        // Replace, not merge, so that JSON chunks the new value no longer needs are removed.
        await this.#client.updateEntity(entity, "Replace", { etag: current.etag });
        return fromEntity(entity);
      } catch (error) {
        if (!(error instanceof RestError) || (error.statusCode !== 412 && error.statusCode !== 404)) {
          throw error;
        }
        if (error.statusCode === 404) {
          throw new TenantPairNotFoundError(sourceTenantId, targetTenantId);
        }
        if (attempt >= MAX_UPDATE_ATTEMPTS) {
          throw new RegistryConflictError(sourceTenantId, targetTenantId, attempt, { cause: error });
        }
        await this.#beforeRetry(attempt);
      }
    }
  }

  async #read(
    sourceTenantId: string,
    targetTenantId: string,
  ): Promise<{ record: TenantPairRecord; etag: string } | undefined> {
    const { partitionKey, rowKey } = entityKeys(sourceTenantId, targetTenantId);
    await this.#ensureTable();
    try {
      const entity = await this.#client.getEntity<TenantPairEntity>(partitionKey, rowKey);
      return { record: fromEntity(entity), etag: entity.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) {
        return undefined;
      }
      throw error;
    }
  }

  /** Creates the table once per registry; a failed attempt is forgotten so that the next call tries again. */
  #ensureTable(): Promise<void> {
    this.#tableReady ??= this.#client.createTable().then(
      () => undefined,
      (error: unknown) => {
        this.#tableReady = undefined;
        throw error;
      },
    );
    return this.#tableReady;
  }
}

/** Waits 20 to 40 ms times the attempt, so that writers that collided do not collide again in step. */
function retryDelay(attempt: number): Promise<void> {
  const milliseconds = attempt * (20 + Math.random() * 20);
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
