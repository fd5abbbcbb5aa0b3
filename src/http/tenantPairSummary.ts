import type { OffboardingRecord } from "../registry/offboardingRecord";
import type { HealthFinding, HealthVerdict, TenantPairRecord, TenantPairState } from "../registry/tenantPairRecord";
import type { TenantObjectRecord } from "../shared/onboardingResult";

interface TenantSummary {
  tenantId: string;
  displayName: string;
  domainName: string;
}

/** The newest health check of a pair, or null before the first one. */
export interface HealthSummary {
  verdict: HealthVerdict;
  checkedAt: string;
  findings: HealthFinding[];
}

/** A pair as the list route shows it: state, names, ids and the newest health verdict. */
export interface TenantPairListItem {
  source: TenantSummary;
  target: TenantSummary;
  configurationName: string;
  state: TenantPairState;
  synchronization: {
    applicationId: string | null;
    appId: string | null;
    servicePrincipalId: string | null;
    jobId: string | null;
  };
  health: HealthSummary | null;
  lastOnboardingInstanceId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Objects of one tenant, split into the ones the service created and the ones it found in place. */
export interface TenantObjectsSummary {
  created: TenantObjectRecord[];
  adopted: TenantObjectRecord[];
}

/** A pair as the single-pair route shows it: the list item plus every object, created or adopted. */
export interface TenantPairSummary extends TenantPairListItem {
  objects: { source: TenantObjectsSummary; target: TenantObjectsSummary };
  lastOffboardingInstanceId: string | null;
  /** The latest offboarding: its error, or what it removed and kept; null before the pair's first offboarding. */
  offboarding: OffboardingRecord | null;
}

export function toListItem(record: TenantPairRecord): TenantPairListItem {
  const latest = record.healthHistory[0];
  return {
    source: {
      tenantId: record.sourceTenantId,
      displayName: record.sourceDisplayName,
      domainName: record.sourceDomainName,
    },
    target: {
      tenantId: record.targetTenantId,
      displayName: record.targetDisplayName,
      domainName: record.targetDomainName,
    },
    configurationName: record.configurationName,
    state: record.state,
    synchronization: {
      applicationId: record.applicationId,
      appId: record.appId,
      servicePrincipalId: record.servicePrincipalId,
      jobId: record.jobId,
    },
    health:
      latest === undefined ? null : { verdict: latest.verdict, checkedAt: latest.checkedAt, findings: latest.findings },
    lastOnboardingInstanceId: record.lastOnboardingInstanceId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toSummary(record: TenantPairRecord): TenantPairSummary {
  return {
    ...toListItem(record),
    objects: { source: splitObjects(record.objects.source), target: splitObjects(record.objects.target) },
    lastOffboardingInstanceId: record.lastOffboardingInstanceId,
    offboarding: record.offboarding ?? null,
  };
}

function splitObjects(records: readonly TenantObjectRecord[]): TenantObjectsSummary {
  return {
    created: records.filter((record) => record.created),
    adopted: records.filter((record) => !record.created),
  };
}
