import { FIXTURE_CLIENT_ID, FIXTURE_CLIENT_SECRET } from "../../emulator/fixture";

// Activity modules read the settings when they are imported, as they do at app start, so a test file imports this
// module before any activity. The base URL is replaced by the emulator's when the harness starts.
Object.assign(process.env, {
  GRAPH_MODE: "emulator",
  GRAPH_BASE_URL: "http://127.0.0.1:9",
  GRAPH_CLIENT_ID: FIXTURE_CLIENT_ID,
  GRAPH_CLIENT_SECRET: FIXTURE_CLIENT_SECRET,
  // Activity modules read this at import; only the registry tests connect to it, and they replace it with Azurite's.
  AzureWebJobsStorage: "UseDevelopmentStorage=true",
});
delete process.env.APPLICATIONINSIGHTS_CONNECTION_STRING;
