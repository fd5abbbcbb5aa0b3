import type { TokenCredential } from "@azure/core-auth";
import { ClientCertificateCredential, ClientSecretCredential } from "@azure/identity";

import type { GraphSettings } from "../config/settings";
import { EmulatorCredential } from "./emulatorCredential";

/** OAuth scope that the emulator expects; it stands for Microsoft Graph. */
const EMULATOR_SCOPE = "https://graph.microsoft.com/.default";

/** Scope of the client-credentials token for the configured Graph service. */
export function graphScope(settings: GraphSettings): string {
  return settings.mode === "emulator" ? EMULATOR_SCOPE : `${new URL(settings.baseUrl).origin}/.default`;
}

/**
 * Creates the app's credential in one tenant (id or verified domain). The app is multi-tenant and consented in every
 * tenant it manages, so the same client id and secret or certificate work in each.
 */
export function createTenantCredential(settings: GraphSettings, tenant: string): TokenCredential {
  if (settings.mode === "emulator") {
    return new EmulatorCredential({
      baseUrl: settings.baseUrl,
      tenant,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret ?? "",
      requestTimeoutMs: settings.requestTimeoutMs,
    });
  }
  const options = settings.authorityHost ? { authorityHost: settings.authorityHost } : {};
  if (settings.certificatePath) {
    const certificate = { certificatePath: settings.certificatePath };
    return new ClientCertificateCredential(tenant, settings.clientId, certificate, options);
  }
  return new ClientSecretCredential(tenant, settings.clientId, settings.clientSecret ?? "", options);
}
