export type LogLevel = "information" | "warning" | "error";

/** A log event with a stable id, so that queries and alerts keep working when wording changes. */
export interface LogEvent {
  id: number;
  name: string;
  level: LogLevel;
}

/** Catalogue of the events that activities write. Ids never change meaning; add new ones at the end. */
export const LogEvents = {
  activityStarted: { id: 2001, name: "ActivityStarted", level: "information" },
  activityCompleted: { id: 2002, name: "ActivityCompleted", level: "information" },
  activityFailed: { id: 2003, name: "ActivityFailed", level: "error" },
  objectCreated: { id: 2010, name: "DirectoryObjectCreated", level: "information" },
  objectAdopted: { id: 2011, name: "DirectoryObjectAdopted", level: "information" },
  policyFlagChanged: { id: 2012, name: "PolicyFlagChanged", level: "information" },
  policyFlagAlreadySet: { id: 2013, name: "PolicyFlagAlreadySet", level: "information" },
  servicePrincipalNotReady: { id: 2020, name: "ServicePrincipalNotReady", level: "information" },
  syncCredentialsRejected: { id: 2021, name: "SyncCredentialsRejected", level: "warning" },
  instantiateFailedButObjectsFound: { id: 2022, name: "InstantiateFailedButObjectsFound", level: "warning" },
  principalAlreadyAssigned: { id: 2023, name: "PrincipalAlreadyAssigned", level: "information" },
  objectDeleted: { id: 2030, name: "DirectoryObjectDeleted", level: "information" },
  objectAlreadyGone: { id: 2031, name: "DirectoryObjectAlreadyGone", level: "information" },
  policyFlagRestored: { id: 2032, name: "PolicyFlagRestored", level: "information" },
  syncJobPaused: { id: 2040, name: "SyncJobPaused", level: "information" },
  duplicateApplicationFound: { id: 2050, name: "DuplicateSyncApplicationFound", level: "warning" },
} as const satisfies Record<string, LogEvent>;
