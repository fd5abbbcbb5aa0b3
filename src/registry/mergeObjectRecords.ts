import type { TenantObjectRecord, TenantObjectType } from "../shared/onboardingResult";

type ObjectsByTenant = { source: TenantObjectRecord[]; target: TenantObjectRecord[] };

/** Types a pair has one of at a time, in the source tenant: its sync application, service principal and job. */
const SINGLE_TYPES: readonly TenantObjectType[] = ["application", "servicePrincipal", "synchronizationJob"];

/**
 * Merges the objects of a new onboarding run into those the registry already lists for the pair. A rerun adopts
 * everything, so all its records have `created: false`. The earlier record is kept wherever it marks the object as
 * created by the service (or the flag as changed), with the value from before that first change. Objects an earlier run listed and
 * this run did not (e.g. an assignment no longer in the requested scope) are kept, because they still exist.
 *
 * A pair has one sync application. When the run lists a different application, service principal or job than the
 * earlier record, the earlier one of that type is no longer current and is dropped. The assignments of an earlier
 * service principal are dropped with it.
 */
export function mergeObjectRecords(earlier: ObjectsByTenant, latest: ObjectsByTenant): ObjectsByTenant {
  const replaced = replacedTypes(earlier.source, latest.source);
  const current = earlier.source.filter(
    (record) => !replaced.has(record.type) || latest.source.some((candidate) => sameObject(candidate, record)),
  );
  return { source: mergeTenant(current, latest.source), target: mergeTenant(earlier.target, latest.target) };
}

/**
 * Lists the types whose earlier records the latest run replaced: each single type of which the latest run lists an
 * object, and the assignments too when the service principal changed.
 */
function replacedTypes(earlier: readonly TenantObjectRecord[], latest: readonly TenantObjectRecord[]) {
  const types = new Set(SINGLE_TYPES.filter((type) => latest.some((record) => record.type === type)));
  const servicePrincipalChanged = earlier.some(
    (record) =>
      record.type === "servicePrincipal" &&
      types.has("servicePrincipal") &&
      !latest.some((candidate) => sameObject(candidate, record)),
  );
  if (servicePrincipalChanged) {
    types.add("appRoleAssignment");
  }
  return types;
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
