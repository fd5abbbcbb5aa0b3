import { RestError } from "@azure/data-tables";
import { describe, expect, it } from "vitest";

import { toRegistryWriteError, withRegistryFailures } from "../../src/activities/support/registryFailure";
import { describeActivityFailure } from "../../src/orchestrators/onboarding/activityFailure";
import { RegistryConflictError, TenantPairNotFoundError } from "../../src/registry/registryErrors";

describe("registry write failures", () => {
  it("marks a network failure transient", () => {
    const error = toRegistryWriteError(new RestError("connect ECONNREFUSED 127.0.0.1:10002", { code: "ECONNREFUSED" }));

    expect(error?.message).toBe(
      "Tenant-pair registry transient error - ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:10002",
    );
    expect(describeActivityFailure(error)).toMatchObject({ kind: "transient", transient: true, origin: "registry" });
  });

  it("marks a 503 transient and a 403 permanent", () => {
    const busy = toRegistryWriteError(new RestError("Server busy", { statusCode: 503, code: "ServerBusy" }));
    const denied = toRegistryWriteError(new RestError("Denied", { statusCode: 403, code: "AuthorizationFailure" }));

    expect(describeActivityFailure(busy).transient).toBe(true);
    expect(describeActivityFailure(denied)).toMatchObject({ kind: "permanent", transient: false, origin: "registry" });
    expect(denied?.message).toBe("Tenant-pair registry permanent error 403 AuthorizationFailure: Denied");
  });

  it("marks repeated ETag conflicts transient", () => {
    const error = toRegistryWriteError(new RegistryConflictError("s", "t", 5));

    expect(describeActivityFailure(error).transient).toBe(true);
  });

  it("passes other errors unchanged", async () => {
    const notFound = new TenantPairNotFoundError("s", "t");

    await expect(withRegistryFailures(() => Promise.reject(notFound))).rejects.toBe(notFound);
  });

  it("keeps a multi-line storage message on one line", () => {
    const error = toRegistryWriteError(new RestError("line one\nline two", { statusCode: 500 }));

    expect(error?.message).toBe("Tenant-pair registry transient error 500 -: line one line two");
  });
});
