import { app } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../config/settings";
import { parseNcrontab } from "../shared/ncrontab";
import { createHealthCheckTimerHandler } from "../timer/healthCheckTimerHandler";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first tick.
const { health } = getSettings();

export const healthCheckTimer = createHealthCheckTimerHandler({
  getClient: (context) => df.getClient(context),
  schedule: parseNcrontab(health.schedule),
  input: { maxParallel: health.maxParallel, remediationEnabled: health.remediationEnabled },
});

app.timer("healthCheckTimer", {
  // The host reads the same setting; without it, the default schedule in the settings module applies.
  schedule: process.env.HEALTH_CHECK_SCHEDULE?.trim() ? "%HEALTH_CHECK_SCHEDULE%" : health.schedule,
  extraInputs: [df.input.durableClient()],
  handler: healthCheckTimer,
});
