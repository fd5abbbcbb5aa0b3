import { randomUUID } from "node:crypto";
import type { JsonObject, ProvisioningLogResource, ServicePrincipalRecord, TenantDirectory } from "../state/model";

export type ProvisioningAction = "create" | "update" | "delete" | "disable" | "stagedDelete" | "other";
export type ProvisioningStatus = "success" | "failure" | "skipped" | "warning";

export interface LogEntryInput {
  jobId: string;
  cycleId: string;
  action: ProvisioningAction;
  status: ProvisioningStatus;
  source: { id: string; displayName: string };
  target: { id: string; displayName: string } | null;
  error?: { code: string; reason: string };
  modifiedProperties?: { displayName: string; oldValue: string | null; newValue: string | null }[];
}

function identity(value: { id: string; displayName: string } | null): JsonObject {
  return { id: value?.id ?? "", displayName: value?.displayName ?? "", identityType: "User", details: {} };
}

/** Appends one provisioning log entry to the source tenant, in the shape of Graph's provisioningObjectSummary. */
export function writeProvisioningLog(
  source: TenantDirectory,
  sp: ServicePrincipalRecord,
  input: LogEntryInput,
  now: number,
): ProvisioningLogResource {
  const entry: ProvisioningLogResource = {
    id: randomUUID(),
    activityDateTime: new Date(now).toISOString(),
    tenantId: source.tenantId,
    jobId: input.jobId,
    cycleId: input.cycleId,
    changeId: randomUUID(),
    durationInMilliseconds: 0,
    initiatedBy: { id: "", displayName: "Microsoft Entra provisioning service", initiatorType: "system" },
    provisioningAction: input.action,
    provisioningStatusInfo: {
      status: input.status,
      errorInformation:
        input.error === undefined
          ? null
          : {
              errorCode: input.error.code,
              reason: input.error.reason,
              errorCategory: "NonServiceFailure",
              additionalDetails: null,
              recommendedAction: null,
            },
    },
    provisioningSteps: [],
    modifiedProperties: (input.modifiedProperties ?? []).map((property) => ({ ...property })),
    servicePrincipal: { id: sp.resource.id, displayName: sp.resource.displayName },
    sourceSystem: { id: "", displayName: "Azure Active Directory", details: {} },
    targetSystem: { id: "", displayName: "Azure Active Directory (target tenant)", details: {} },
    sourceIdentity: identity(input.source),
    targetIdentity: identity(input.target),
  };
  source.provisioningLogs.push(entry);
  return entry;
}
