import { describe, expect, it } from "vitest";

import { shortenMessage } from "../../src/orchestrators/onboarding/shortenMessage";
import { markLeftBehind, startRollback } from "../../src/orchestrators/onboarding/rollbackProgress";

const REQUEST_ID = "983f5478-466a-4edb-9a1f-0c2d3e4f5a6b";
const graphLine = (length: number) =>
  `Graph forbidden error 403 Authorization_RequestDenied on DELETE /applications/x: ${"m".repeat(length)} (request-id ${REQUEST_ID})`;

describe("shortenMessage", () => {
  it("keeps a short message as it is", () => {
    expect(shortenMessage("short", 10)).toBe("short");
  });

  it("keeps the whole request id of a long Graph line", () => {
    const short = shortenMessage(graphLine(400), 200);

    expect(Array.from(short).length).toBeLessThanOrEqual(200);
    expect(short.endsWith(`… (request-id ${REQUEST_ID})`)).toBe(true);
    expect(short.startsWith("Graph forbidden error 403")).toBe(true);
  });

  it("cuts a message without a request id at the limit", () => {
    const short = shortenMessage("x".repeat(300), 200);

    expect(Array.from(short)).toHaveLength(200);
    expect(short.endsWith("…")).toBe(true);
  });
});

describe("rollback left-behind errors", () => {
  it("keep the whole request id", () => {
    const item = { action: "delete" as const, tenantId: "t", objectType: "application" as const, id: "x" };
    const status = markLeftBehind(startRollback(1), item, { message: graphLine(400), requestId: REQUEST_ID });

    expect(status.leftBehind[0]?.error.message).toContain(`(request-id ${REQUEST_ID})`);
  });
});
