import { app } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../config/settings";
import { createGetOperationHandler } from "../http/getOperationHandler";

// Read at load time, so that a bad configuration stops the app at start instead of failing the first request.
getSettings();

export const getOperation = createGetOperationHandler({ getClient: (context) => df.getClient(context) });

app.http("getOperation", {
  route: "operations/{instanceId}",
  methods: ["GET"],
  authLevel: "function",
  extraInputs: [df.input.durableClient()],
  handler: getOperation,
});
