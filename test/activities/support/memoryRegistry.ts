import { TenantPairNotFoundError } from "../../../src/registry/registryErrors";
import type { TenantPairRecord } from "../../../src/registry/tenantPairRecord";
import type {
  ListTenantPairsOptions,
  TenantPairChange,
  TenantPairPage,
  TenantPairRegistry,
} from "../../../src/registry/tenantPairRegistry";

/** An in-memory registry for tests of code that uses one; continuation tokens are plain offsets. */
export class MemoryRegistry implements TenantPairRegistry {
  readonly records = new Map<string, TenantPairRecord>();
  readonly listCalls: ListTenantPairsOptions[] = [];

  static key(source: string, target: string): string {
    return `${source.toLowerCase()}|${target.toLowerCase()}`;
  }

  async get(source: string, target: string): Promise<TenantPairRecord | undefined> {
    return structuredClone(this.records.get(MemoryRegistry.key(source, target)));
  }

  async list(options: ListTenantPairsOptions): Promise<TenantPairPage> {
    this.listCalls.push(options);
    const all = [...this.records.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, record]) => record);
    const start = Number(options.continuationToken ?? "0");
    const items = all.slice(start, start + options.pageSize).map((record) => structuredClone(record));
    const end = start + items.length;
    return end < all.length ? { items, continuationToken: String(end) } : { items };
  }

  async upsert(record: TenantPairRecord): Promise<TenantPairRecord> {
    this.records.set(MemoryRegistry.key(record.sourceTenantId, record.targetTenantId), structuredClone(record));
    return structuredClone(record);
  }

  async update(source: string, target: string, change: TenantPairChange): Promise<TenantPairRecord> {
    const current = this.records.get(MemoryRegistry.key(source, target));
    if (current === undefined) {
      throw new TenantPairNotFoundError(source, target);
    }
    return this.upsert(change(structuredClone(current)));
  }
}

export function pairRecord(index: number, changes: Partial<TenantPairRecord> = {}): TenantPairRecord {
  const id = String(index).padStart(12, "0");
  return {
    sourceTenantId: `00000000-0000-4000-8000-${id}`,
    targetTenantId: `ffffffff-0000-4000-8000-${id}`,
    sourceDisplayName: "Source",
    targetDisplayName: "Target",
    sourceDomainName: "source.onmicrosoft.com",
    targetDomainName: "target.onmicrosoft.com",
    configurationName: `Pair ${index}`,
    state: "active",
    applicationId: `app-${index}`,
    appId: `appid-${index}`,
    servicePrincipalId: `sp-${index}`,
    jobId: `job-${index}`,
    objects: { source: [], target: [] },
    lastOnboardingInstanceId: null,
    lastOffboardingInstanceId: null,
    healthHistory: [],
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
    ...changes,
  };
}
