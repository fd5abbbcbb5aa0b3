import { CROSS_TENANT_SYNC_TEMPLATE_ID, TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { type EmulatorClient, waitFor } from "./emulatorClient";

export interface SyncApplication {
  servicePrincipalId: string;
  applicationId: string;
  appRoleId: string;
}

/** Sets the target's and the source's cross-tenant policies for a sync from A to B, as the product does. */
export async function allowSyncFromAToB(client: EmulatorClient): Promise<void> {
  const partners = "/policies/crossTenantAccessPolicy/partners";
  await client.graph(TENANT_B_ID, "POST", partners, { tenantId: TENANT_A_ID });
  await client.graph(TENANT_B_ID, "PUT", `${partners}/${TENANT_A_ID}/identitySynchronization`, {
    displayName: "Tenant A",
    userSyncInbound: { isSyncAllowed: true },
  });
  await client.graph(TENANT_B_ID, "PATCH", `${partners}/${TENANT_A_ID}`, {
    automaticUserConsentSettings: { inboundAllowed: true },
  });
  await client.graph(TENANT_A_ID, "POST", partners, { tenantId: TENANT_B_ID });
  await client.graph(TENANT_A_ID, "PATCH", `${partners}/${TENANT_B_ID}`, {
    automaticUserConsentSettings: { outboundAllowed: true },
  });
}

/** Instantiates the sync application in tenant A and waits until its service principal has replicated. */
export async function createSyncApplication(
  client: EmulatorClient,
  displayName = "Sync to Tenant B",
): Promise<SyncApplication> {
  const created = await client.graph(
    TENANT_A_ID,
    "POST",
    `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`,
    { displayName },
  );
  const servicePrincipalId = created.body.servicePrincipal.id as string;
  await waitFor(async () => {
    const result = await client.graph(TENANT_A_ID, "GET", `/servicePrincipals/${servicePrincipalId}`);
    return result.status === 200 ? true : undefined;
  }, "the service principal to replicate");
  return {
    servicePrincipalId,
    applicationId: created.body.application.id as string,
    appRoleId: created.body.servicePrincipal.appRoles[0].id as string,
  };
}

/** Creates the Azure2Azure job and saves secrets naming tenant B; returns the job id. */
export async function createJobWithSecrets(client: EmulatorClient, app: SyncApplication): Promise<string> {
  const sync = `/servicePrincipals/${app.servicePrincipalId}/synchronization`;
  const job = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" });
  await client.graph(TENANT_A_ID, "PUT", `${sync}/secrets`, {
    value: [
      { key: "AuthenticationType", value: "SyncPolicy" },
      { key: "CompanyId", value: TENANT_B_ID },
    ],
  });
  return job.body.id as string;
}

export async function assign(client: EmulatorClient, app: SyncApplication, principalId: string) {
  return client.graph(TENANT_A_ID, "POST", `/servicePrincipals/${app.servicePrincipalId}/appRoleAssignedTo`, {
    principalId,
    resourceId: app.servicePrincipalId,
    appRoleId: app.appRoleId,
  });
}
