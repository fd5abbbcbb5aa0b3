import type { SynchronizationJob } from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";

/** Synchronization template of cross-tenant synchronization. */
export const AZURE2AZURE_TEMPLATE_ID = "Azure2Azure";

/** A key-value credential or secret of a synchronization job; keys are case-sensitive PascalCase names. */
export interface SynchronizationKeyValue {
  key: string;
  value: string;
}

function synchronizationPath(servicePrincipalId: string): string {
  return `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/synchronization`;
}

function jobPath(servicePrincipalId: string, jobId: string): string {
  return `${synchronizationPath(servicePrincipalId)}/jobs/${encodeURIComponent(jobId)}`;
}

/** Checks the credentials against the target. Graph returns 204 when they work and an error otherwise. */
export async function validateCredentials(
  api: GraphApi,
  servicePrincipalId: string,
  credentials: SynchronizationKeyValue[],
): Promise<void> {
  await api.post(`${synchronizationPath(servicePrincipalId)}/jobs/validateCredentials`, {
    useSavedCredentials: false,
    templateId: AZURE2AZURE_TEMPLATE_ID,
    credentials,
  });
}

export function listJobs(api: GraphApi, servicePrincipalId: string): Promise<SynchronizationJob[]> {
  return api.list<SynchronizationJob>(`${synchronizationPath(servicePrincipalId)}/jobs`);
}

export async function createJob(api: GraphApi, servicePrincipalId: string): Promise<SynchronizationJob | undefined> {
  return api.post<SynchronizationJob>(`${synchronizationPath(servicePrincipalId)}/jobs`, {
    templateId: AZURE2AZURE_TEMPLATE_ID,
  });
}

export function getJob(api: GraphApi, servicePrincipalId: string, jobId: string): Promise<SynchronizationJob> {
  return api.get(jobPath(servicePrincipalId, jobId));
}

export async function startJob(api: GraphApi, servicePrincipalId: string, jobId: string): Promise<void> {
  await api.post(`${jobPath(servicePrincipalId, jobId)}/start`, undefined);
}

/** Replaces the service principal's synchronization secrets. */
export function putSecrets(
  api: GraphApi,
  servicePrincipalId: string,
  secrets: SynchronizationKeyValue[],
): Promise<void> {
  return api.put(`${synchronizationPath(servicePrincipalId)}/secrets`, { value: secrets });
}

/**
 * Checks the credentials saved on the service principal, through the job-bound `validateCredentials` with
 * `useSavedCredentials: true`. Graph returns 204 when they work and an error otherwise.
 */
export async function validateSavedCredentials(
  api: GraphApi,
  servicePrincipalId: string,
  jobId: string,
): Promise<void> {
  await api.post(`${jobPath(servicePrincipalId, jobId)}/validateCredentials`, {
    useSavedCredentials: true,
    templateId: AZURE2AZURE_TEMPLATE_ID,
    credentials: [],
  });
}

/** Restarts the job after clearing the state that `resetScope` names, a comma-separated list of Graph's flags. */
export async function restartJob(
  api: GraphApi,
  servicePrincipalId: string,
  jobId: string,
  resetScope: string,
): Promise<void> {
  await api.post(`${jobPath(servicePrincipalId, jobId)}/restart`, { criteria: { resetScope } });
}
