import { describe, expect, it } from "vitest";

import { activityErrorText, describeActivityFailure } from "../../src/orchestrators/onboarding/activityFailure";
import { activityFailure, graphErrorText } from "./support/onboardingFixtures";

describe("activity failure", () => {
  it("strips the Durable prefix and the stack trace", () => {
    expect(activityErrorText(activityFailure("createSyncJob", "it broke"))).toBe("it broke");
  });

  it("reads the message of structured failure details", () => {
    const error = Object.assign(new Error("ignored"), { failureDetails: { errorMessage: "from details\nstack" } });
    expect(activityErrorText(error)).toBe("from details");
  });

  it("classifies a transient Graph error as retriable", () => {
    const failure = describeActivityFailure(
      activityFailure("x", graphErrorText("transient", 503, "ServiceUnavailable")),
    );
    expect(failure.transient).toBe(true);
    expect(failure.kind).toBe("transient");
    expect(failure.graphCode).toBe("ServiceUnavailable");
    expect(failure.requestId).toBe("abc-123");
  });

  it.each(["conflict", "notFound", "forbidden", "invalid", "unknown"])("does not retry kind %s", (kind) => {
    const failure = describeActivityFailure(activityFailure("x", graphErrorText(kind, 400, "Code")));
    expect(failure.transient).toBe(false);
    expect(failure.kind).toBe(kind);
  });

  it("treats other errors as unknown and not retriable", () => {
    const failure = describeActivityFailure(new TypeError("x is undefined"));
    expect(failure).toEqual({ kind: "unknown", transient: false, origin: null, message: "x is undefined" });
  });
});
