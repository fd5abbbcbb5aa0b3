import { badRequest, GraphError } from "../http/graphError";
import type { CredentialEntry } from "../state/model";

/** Member names of Graph's synchronizationSecret enumeration; keys are matched exactly, as Graph does. */
const SECRET_KEYS: readonly string[] = [
  "None",
  "UserName",
  "Password",
  "SecretToken",
  "AppKey",
  "BaseAddress",
  "ClientIdentifier",
  "ClientSecret",
  "SingleSignOnType",
  "Sandbox",
  "Url",
  "Domain",
  "ConsumerKey",
  "ConsumerSecret",
  "TokenKey",
  "TokenExpiration",
  "Oauth2AccessToken",
  "Oauth2AccessTokenCreationTime",
  "Oauth2RefreshToken",
  "SyncAll",
  "InstanceName",
  "Oauth2ClientId",
  "Oauth2ClientSecret",
  "CompanyId",
  "UpdateKeyOnSoftDelete",
  "SynchronizationSchedule",
  "SystemOfRecord",
  "SandboxName",
  "EnforceDomain",
  "SyncNotificationSettings",
  "SkipOutOfScopeDeletions",
  "Oauth2AuthorizationCode",
  "Oauth2RedirectUri",
  "ApplicationTemplateIdentifier",
  "Oauth2TokenExchangeUri",
  "Oauth2AuthorizationUri",
  "AuthenticationType",
  "Server",
  "PerformInboundEntitlementGrants",
  "HardDeletesEnabled",
  "SyncAgentCompatibilityKey",
  "SyncAgentADContainer",
  "ValidateDomain",
  "TestReferences",
  "ConnectionString",
];

/**
 * Parses a list of `{key, value}` credentials. An unknown key fails with Graph's 500 InternalError, because Graph
 * parses the key as an enumeration member.
 */
export function parseCredentialList(input: unknown, propertyName: string): CredentialEntry[] {
  if (!Array.isArray(input)) {
    throw badRequest(`Property '${propertyName}' must be an array of {key, value} pairs.`);
  }
  return input.map((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) {
      throw badRequest(`Each entry of '${propertyName}' must be an object with 'key' and 'value'.`);
    }
    const { key, value } = entry as Record<string, unknown>;
    if (typeof key !== "string" || typeof value !== "string") {
      throw badRequest(`Each entry of '${propertyName}' needs a string 'key' and a string 'value'.`);
    }
    if (!SECRET_KEYS.includes(key)) {
      throw new GraphError(500, "InternalError", `Requested value '${key}' was not found.`);
    }
    return { key, value };
  });
}

/** Merges saved secrets by key: new keys are appended, existing keys take the new value. */
export function mergeSecrets(saved: CredentialEntry[], update: CredentialEntry[]): CredentialEntry[] {
  const merged = saved.map((entry) => ({ ...entry }));
  for (const entry of update) {
    const existing = merged.find((candidate) => candidate.key === entry.key);
    if (existing === undefined) {
      merged.push({ ...entry });
    } else {
      existing.value = entry.value;
    }
  }
  return merged;
}

export function credentialValue(credentials: readonly CredentialEntry[], key: string): string | undefined {
  return credentials.find((entry) => entry.key === key)?.value;
}
