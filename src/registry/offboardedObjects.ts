import type { TenantObjectRecord } from "../shared/onboardingResult";
import type { TenantPairRecord } from "./tenantPairRecord";

/**
 * Tells whether the record's objects are those its latest completed offboarding removed or released, so that a new
 * onboarding must not adopt them. This holds for an `offboarded` pair, and for a pair that a later run left in another
 * state without listing any object of its own, such as a run that failed before it registered the pair.
 */
export function listsOnlyOffboardedObjects(record: TenantPairRecord): boolean {
  if (record.state === "offboarded") {
    return true;
  }
  const result = record.offboarding?.result;
  if (result === undefined || result === null) {
    return false;
  }
  const handled = [...result.changes, ...result.kept];
  const wasHandled = (tenantId: string, object: TenantObjectRecord) =>
    handled.some(
      (item) =>
        item.tenantId.toLowerCase() === tenantId.toLowerCase() &&
        item.objectType === object.type &&
        item.id.toLowerCase() === object.id.toLowerCase(),
    );
  const objects = [
    ...record.objects.source.map((object) => ({ tenantId: record.sourceTenantId, object })),
    ...record.objects.target.map((object) => ({ tenantId: record.targetTenantId, object })),
  ];
  const listed = objects.filter(({ tenantId, object }) => wasHandled(tenantId, object));
  // The result names neither the service principal nor the assignments that went with an application, nor the flags
  // onboarding found set, so those count as handled. A record with nothing listed counts as not offboarded.
  const unlisted = objects.filter(({ tenantId, object }) => !wasHandled(tenantId, object));
  return listed.length > 0 && unlisted.every(({ object }) => goesUnlisted(object));
}

function goesUnlisted(object: TenantObjectRecord): boolean {
  return (
    object.type === "servicePrincipal" ||
    object.type === "appRoleAssignment" ||
    (object.type === "policyFlag" && !object.created)
  );
}
