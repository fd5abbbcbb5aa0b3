const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// RFC 1123 host name label: letters, digits and inner hyphens, 1 to 63 characters.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Maximum length of a domain name in DNS text form (RFC 1035). */
export const MAX_DOMAIN_NAME_LENGTH = 253;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * Returns true for a domain name of at least two RFC 1123 labels, e.g. "contoso.onmicrosoft.com". The last label
 * must start with a letter, which rules out IPv4 addresses. A trailing dot is not accepted.
 */
export function isDomainName(value: string): boolean {
  if (value.length > MAX_DOMAIN_NAME_LENGTH) {
    return false;
  }
  const labels = value.split(".");
  const topLevel = labels[labels.length - 1] ?? "";
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && /^[a-z]/i.test(topLevel);
}

/** Returns true for a tenant id (GUID) or a domain name. */
export function isTenantReference(value: string): boolean {
  return isGuid(value) || isDomainName(value);
}
