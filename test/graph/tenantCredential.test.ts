import { ClientCertificateCredential, ClientSecretCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";

import type { GraphSettings } from "../../src/config/settings";
import { EmulatorCredential } from "../../src/graph/emulatorCredential";
import { createTenantCredential, graphScope } from "../../src/graph/tenantCredential";

const BASE: GraphSettings = {
  mode: "emulator",
  baseUrl: "http://127.0.0.1:7072",
  apiVersion: "v1.0",
  clientId: "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c",
  clientSecret: "secret",
  requestTimeoutMs: 1000,
  maxRetries: 3,
};
const LIVE: GraphSettings = { ...BASE, mode: "live", baseUrl: "https://graph.microsoft.com" };
const TENANT = "contoso.onmicrosoft.com";

describe("createTenantCredential", () => {
  it("uses the emulator's token endpoint in emulator mode", () => {
    expect(createTenantCredential(BASE, TENANT)).toBeInstanceOf(EmulatorCredential);
  });

  it("uses a client secret in live mode", () => {
    const credential = createTenantCredential({ ...LIVE, authorityHost: "https://login.microsoftonline.com" }, TENANT);
    expect(credential).toBeInstanceOf(ClientSecretCredential);
  });

  it("uses a certificate in live mode", () => {
    const { clientSecret: _unused, ...withoutSecret } = LIVE;
    const credential = createTenantCredential({ ...withoutSecret, certificatePath: "/tmp/app.pem" }, TENANT);
    expect(credential).toBeInstanceOf(ClientCertificateCredential);
  });
});

describe("graphScope", () => {
  it("asks the emulator for Microsoft Graph", () => {
    expect(graphScope(BASE)).toBe("https://graph.microsoft.com/.default");
  });

  it("follows the live base URL", () => {
    expect(graphScope({ ...LIVE, baseUrl: "https://graph.microsoft.us" })).toBe("https://graph.microsoft.us/.default");
  });
});
