/**
 * Derives the orchestration instance id of a pair's onboarding from the two tenant ids. Because the id depends only on
 * the lower-cased GUIDs, one onboarding per pair runs at a time whichever way the caller named the tenants.
 */
export function onboardingInstanceId(sourceTenantId: string, targetTenantId: string): string {
  return `onboard-${sourceTenantId.toLowerCase()}-${targetTenantId.toLowerCase()}`;
}
