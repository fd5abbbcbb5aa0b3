import { FaultStore } from "../admin/faultStore";
import { TokenStore } from "../auth/tokenStore";
import { DEFAULT_SETTINGS, type EmulatorSettings } from "../settings";
import { buildFixtureClients, buildFixtureTenants } from "./fixtureDirectory";
import type { TenantDirectory } from "./model";

export interface RequestLogEntry {
  method: string;
  /** Path with the version prefix and without the query string. */
  path: string;
  tenantId: string | null;
  status: number;
  time: string;
}

/** Everything the emulator remembers: tenants, registered clients, tokens, faults, request log and settings. */
export class EmulatorState {
  settings: EmulatorSettings;
  tenants: Map<string, TenantDirectory> = buildFixtureTenants();
  /** Registered client apps: client id → client secret. */
  clients: Map<string, string> = buildFixtureClients();
  readonly tokens = new TokenStore();
  readonly faults = new FaultStore();
  requestLog: RequestLogEntry[] = [];

  /** Settings the emulator started with; reset returns to them. */
  readonly startSettings: Readonly<EmulatorSettings>;

  constructor(settings: Partial<EmulatorSettings> = {}) {
    this.startSettings = Object.freeze({ ...DEFAULT_SETTINGS, ...settings });
    this.settings = { ...this.startSettings };
  }

  now(): number {
    return Date.now();
  }

  /** Finds a tenant by id or by one of its domains, ignoring case. */
  findTenant(idOrDomain: string): TenantDirectory | undefined {
    const wanted = idOrDomain.toLowerCase();
    const byId = this.tenants.get(wanted);
    if (byId !== undefined) {
      return byId;
    }
    const hasDomain = (tenant: TenantDirectory) => tenant.domains.some((domain) => domain.toLowerCase() === wanted);
    return [...this.tenants.values()].find(hasDomain);
  }

  /** Restores the fixture and the start settings, and clears tokens, faults and the request log. */
  reset(): void {
    this.settings = { ...this.startSettings };
    this.tenants = buildFixtureTenants();
    this.clients = buildFixtureClients();
    this.tokens.clear();
    this.faults.clear();
    this.requestLog = [];
  }
}
