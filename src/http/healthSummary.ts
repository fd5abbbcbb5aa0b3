import { z } from "zod";

/** The health result of a finished `checkTenantPair`, as `GET /api/operations/{id}` shows it. */
export interface HealthSummary {
  sourceTenantId: string;
  targetTenantId: string;
  verdict: "healthy" | "degraded" | "unhealthy";
  checkedAt: string;
  durationMs: number;
  findings: { rule: string; severity: string; reason: string; code?: string }[];
  remediations: { action: string; at: string; outcome: string; detail: string }[];
}

const healthOutputShape = z.object({
  sourceTenantId: z.string(),
  targetTenantId: z.string(),
  result: z.object({
    verdict: z.enum(["healthy", "degraded", "unhealthy"]),
    checkedAt: z.string(),
    durationMs: z.number(),
    findings: z.array(
      z.object({ rule: z.string(), severity: z.string(), reason: z.string(), code: z.string().optional() }),
    ),
    remediations: z.array(z.object({ action: z.string(), at: z.string(), outcome: z.string(), detail: z.string() })),
  }),
});

/** Reads the health result from an orchestration output, or undefined when the output is not one. */
export function summarizeHealthOutput(output: unknown): HealthSummary | undefined {
  const parsed = healthOutputShape.safeParse(output);
  if (!parsed.success) {
    return undefined;
  }
  const { sourceTenantId, targetTenantId, result } = parsed.data;
  return { sourceTenantId, targetTenantId, ...result };
}
