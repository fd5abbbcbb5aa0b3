/**
 * `npm run demo`: starts the Graph emulator and the local Functions host on free ports, onboards Tenant A -> Tenant B
 * with the "All Employees" group in scope through the HTTP API, prints the steps while it polls, and prints the
 * outcome. Exits 0 when the onboarding completed and Tenant B contains one synced user per member of the group.
 */
import { resolve } from "node:path";

import { dumpTenant, listTenants, memberIds, syncedUsers, type TenantSummary } from "./lib/emulatorDump";
import { delay, getJson, postJson } from "./lib/http";
import { startLocalStack } from "./lib/localStack";
import { isFinished, StepPrinter, type OperationSummary } from "./lib/operationProgress";

const appRoot = resolve(__dirname, "..", "..");
const sourceDomain = "M365x15302292.onmicrosoft.com";
const targetDomain = "M365x19742525.onmicrosoft.com";
const groupName = "All Employees";
const timeoutMs = 5 * 60_000;

async function main(): Promise<number> {
  console.log("Starting Azurite, the Graph emulator and the local Functions host...");
  // In-memory tables on a free port, so the demo neither needs nor touches the data of `npm start`.
  const stack = await startLocalStack(appRoot, {
    dataFolderPrefix: "tenant-pair-demo-",
    // Show the host's errors and warnings only; its information lines would drown the step progress.
    echoHostLine: (line) => /\] \[(Error|Critical|Warning)\] \[|Failed to load/.test(line),
  });
  try {
    const { azurite, emulator, host } = stack;
    console.log(`  Azurite tables on port ${azurite.port}, Graph emulator ${emulator.url}, Functions host ${host.url}`);
    return await onboardSamplePair(emulator.url, host.url);
  } finally {
    await stack.stop();
  }
}

async function onboardSamplePair(emulatorUrl: string, hostUrl: string): Promise<number> {
  const tenants = await listTenants(emulatorUrl);
  const source = findTenant(tenants, sourceDomain);
  const target = findTenant(tenants, targetDomain);
  const sourceDump = await dumpTenant(emulatorUrl, source.tenantId);
  const group = sourceDump.groups.find((candidate) => candidate.displayName === groupName);
  if (!group) throw new Error(`The emulator's ${source.displayName} has no group "${groupName}".`);

  const request = { source: sourceDomain, target: target.tenantId, scope: { groups: [group.id] } };
  console.log(`\nPOST ${hostUrl}/api/tenant-pairs`);
  console.log(`  ${JSON.stringify(request)}`);
  const started = await postJson(`${hostUrl}/api/tenant-pairs`, request);
  if (started.status !== 202) {
    console.error(`The onboarding was not accepted (${started.status}): ${JSON.stringify(started.body)}`);
    return 1;
  }
  const { statusUri } = started.body as { id: string; statusUri: string };
  console.log(`  202 Accepted, status at ${statusUri}\n`);

  const summary = await pollUntilFinished(statusUri);
  if (summary.runtimeStatus !== "Completed") {
    const error = summary.error;
    console.error(`\nOnboarding ${summary.runtimeStatus} at step ${error?.step ?? summary.currentStep ?? "unknown"}.`);
    if (error?.message) console.error(`  ${error.message}`);
    return 1;
  }

  console.log("\nOnboarding completed.");
  printObjects(summary.result as OnboardingOutcome, source, target);
  const pairUrl = `${hostUrl}/api/tenant-pairs/${source.tenantId}/${target.tenantId}`;
  const pair = await getJson<{ state: string; synchronization: { jobId: string | null } }>(pairUrl);
  console.log(`\nGET ${pairUrl}\n  state ${pair.state}, job ${pair.synchronization.jobId ?? "none"}`);
  if (pair.state !== "active") {
    console.error("The tenant-pair registry does not list the pair as active.");
    return 1;
  }
  const usersCode = await reportSyncedUsers(emulatorUrl, target, memberIds(group), sourceDump.users);
  const healthCode = await runFirstHealthCheck(pairUrl);
  return usersCode || healthCode;
}

/** Starts the pair's first health check through the API and prints its verdict and findings. */
async function runFirstHealthCheck(pairUrl: string): Promise<number> {
  console.log(`
POST ${pairUrl}/health-check`);
  const started = await postJson(`${pairUrl}/health-check`, {});
  if (started.status !== 202) {
    console.error(`The health check was not accepted (${started.status}): ${JSON.stringify(started.body)}`);
    return 1;
  }
  const { statusUri } = started.body as { statusUri: string };
  const summary = (await pollUntilFinished(statusUri)) as OperationSummary & { health?: HealthSummary };
  if (summary.runtimeStatus !== "Completed" || summary.health === undefined) {
    console.error(`The health check ended ${summary.runtimeStatus}: ${summary.error?.message ?? "no result"}`);
    return 1;
  }
  const { health } = summary;
  console.log(`  verdict ${health.verdict} (checked ${health.checkedAt})`);
  for (const finding of health.findings) console.log(`  ${finding.severity}: ${finding.rule} - ${finding.reason}`);
  if (health.findings.length === 0) console.log("  no findings");
  return health.verdict === "healthy" ? 0 : 1;
}

interface HealthSummary {
  verdict: string;
  checkedAt: string;
  findings: Array<{ rule: string; severity: string; reason: string }>;
}

interface OnboardingOutcome {
  objects: Record<"source" | "target", Array<{ type: string; id: string; created: boolean }>>;
  firstCycle: { completed: boolean; countExported: number; statusCode: string };
}

function printObjects(outcome: OnboardingOutcome, source: TenantSummary, target: TenantSummary): void {
  for (const [side, tenant] of [
    ["target", target],
    ["source", source],
  ] as const) {
    console.log(`  ${tenant.displayName} (${tenant.tenantId}):`);
    for (const object of outcome.objects[side]) {
      console.log(`    ${object.created ? "created" : "adopted"} ${object.type} ${object.id}`);
    }
  }
  const cycle = outcome.firstCycle;
  const cycleText = cycle.completed ? `exported ${cycle.countExported} users` : "had not finished";
  console.log(`  First synchronization cycle ${cycleText}; job status ${cycle.statusCode}.`);
}

async function pollUntilFinished(statusUri: string): Promise<OperationSummary> {
  const printer = new StepPrinter();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const summary = await getJson<OperationSummary>(statusUri);
    printer.print(summary);
    if (isFinished(summary)) return summary;
    if (Date.now() > deadline) throw new Error(`${statusUri} did not finish within ${timeoutMs / 1000} s.`);
    await delay(500);
  }
}

async function reportSyncedUsers(
  emulatorUrl: string,
  target: TenantSummary,
  groupMemberIds: string[],
  sourceUsers: Array<{ id: string; userPrincipalName: string }>,
): Promise<number> {
  const synced = syncedUsers(await dumpTenant(emulatorUrl, target.tenantId));
  console.log(`\nSynced users now in ${target.displayName} (${target.defaultDomainName}):`);
  for (const user of synced) console.log(`  ${user.userPrincipalName}  userType=${user.userType ?? "?"}`);

  const expected = sourceUsers.filter((user) => groupMemberIds.includes(user.id));
  const missing = expected.filter((user) => !synced.some((b2b) => b2b.userPrincipalName.startsWith(alias(user))));
  if (missing.length > 0) {
    console.error(`\nNot synced yet: ${missing.map((user) => user.userPrincipalName).join(", ")}`);
    return 1;
  }
  console.log(`\nAll ${expected.length} members of "${groupName}" are in ${target.displayName}.`);
  return 0;
}

/** The prefix of a B2B user principal name made from a source user: `alias_domain#EXT#`. */
function alias(user: { userPrincipalName: string }): string {
  return `${user.userPrincipalName.replace("@", "_")}#EXT#`;
}

function findTenant(tenants: TenantSummary[], domain: string): TenantSummary {
  const tenant = tenants.find((candidate) => candidate.defaultDomainName.toLowerCase() === domain.toLowerCase());
  if (!tenant) throw new Error(`The Graph emulator has no tenant ${domain}.`);
  return tenant;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
