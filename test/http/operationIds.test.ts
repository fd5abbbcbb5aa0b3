import { describe, expect, it } from "vitest";

import { isWellFormedInstanceId, operationStatusUri } from "../../src/http/operationIds";
import { onboardingInstanceId } from "../../src/shared/onboardingInstanceId";

const SOURCE = "11111111-1111-4111-8111-111111111111";
const TARGET = "22222222-2222-4222-8222-222222222222";

describe("onboardingInstanceId", () => {
  it("joins the lower-cased tenant ids", () => {
    expect(onboardingInstanceId(SOURCE.toUpperCase(), TARGET)).toBe(`onboard-${SOURCE}-${TARGET}`);
  });

  it("depends on direction", () => {
    expect(onboardingInstanceId(SOURCE, TARGET)).not.toBe(onboardingInstanceId(TARGET, SOURCE));
  });

  it("is accepted by the status route", () => {
    expect(isWellFormedInstanceId(onboardingInstanceId(SOURCE, TARGET))).toBe(true);
  });
});

describe("isWellFormedInstanceId", () => {
  it.each(["", "-leading", "a/b", "a?b", "a b", "a%2Fb", "x".repeat(101)])("rejects %j", (id) => {
    expect(isWellFormedInstanceId(id)).toBe(false);
  });

  it.each(["abc", "A1._:-", "x".repeat(100)])("accepts %j", (id) => {
    expect(isWellFormedInstanceId(id)).toBe(true);
  });
});

describe("operationStatusUri", () => {
  it("points at the operations route beside the request's route", () => {
    expect(operationStatusUri("http://127.0.0.1:7071/api/tenant-pairs?code=secret", "onboard-a-b")).toBe(
      "http://127.0.0.1:7071/api/operations/onboard-a-b",
    );
  });

  it("keeps a custom route prefix and ignores a trailing slash", () => {
    expect(operationStatusUri("https://sync.example.com/v1/tenant-pairs/", "x")).toBe(
      "https://sync.example.com/v1/operations/x",
    );
  });
});
