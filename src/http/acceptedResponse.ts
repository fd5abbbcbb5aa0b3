import type { HttpResponseInit } from "@azure/functions";

/** Builds the 202 response of a route that started an orchestration, with its status URI in `Location` and the body. */
export function acceptedResponse(instanceId: string, statusUri: string): HttpResponseInit {
  return {
    status: 202,
    headers: { "Content-Type": "application/json", Location: statusUri, "Cache-Control": "no-store" },
    jsonBody: { id: instanceId, statusUri },
  };
}
