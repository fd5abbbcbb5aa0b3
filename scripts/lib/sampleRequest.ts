import { ALL_EMPLOYEES_GROUP_ID, TENANT_A_DOMAIN, TENANT_B_DOMAIN } from "../../emulator/fixture";

/** The onboarding request for the emulator's sample pair: Tenant A -> Tenant B with "All Employees" in scope. */
export const sampleOnboardingRequest = {
  source: TENANT_A_DOMAIN,
  target: TENANT_B_DOMAIN,
  scope: { groups: [ALL_EMPLOYEES_GROUP_ID] },
};

/** A ready-to-paste curl command that starts the sample onboarding on the host at `hostUrl`. */
export function onboardingCurl(hostUrl: string): string {
  return [
    `  curl -i -X POST ${hostUrl}/api/tenant-pairs \\`,
    `    -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify(sampleOnboardingRequest)}'`,
  ].join("\n");
}
