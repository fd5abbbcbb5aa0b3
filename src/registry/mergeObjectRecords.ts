import type { TenantObjectRecord } from "../shared/onboardingResult";

type ObjectsByTenant = { source: TenantObjectRecord[]; target: TenantObjectRecord[] };

/**
 * Merges the objects of a new onboarding run into those the registry already lists for the pair. A rerun adopts
 * everything, so its records all say `created: false`; the earlier record is kept wherever it says the service created
 * the object (or changed the flag), with the value from before that first change. Objects an earlier run listed and
 * this run did not (e.g. an assignment no longer in the requested scope) are kept, because they still exist.
 */
export function mergeObjectRecords(earlier: ObjectsByTenant, latest: ObjectsByTenant): ObjectsByTenant {
  return { source: mergeTenant(earlier.source, latest.source), target: mergeTenant(earlier.target, latest.target) };
}

function mergeTenant(earlier: TenantObjectRecord[], latest: TenantObjectRecord[]): TenantObjectRecord[] {
  const merged = latest.map((record) => {
    const previous = earlier.find((candidate) => sameObject(candidate, record));
    return previous?.created ? previous : record;
  });
  const dropped = earlier.filter((record) => !latest.some((candidate) => sameObject(candidate, record)));
  return [...dropped, ...merged];
}

function sameObject(a: TenantObjectRecord, b: TenantObjectRecord): boolean {
  return a.type === b.type && a.id.toLowerCase() === b.id.toLowerCase();
}
