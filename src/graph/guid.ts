const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tells whether a value is a GUID in its usual 8-4-4-4-12 hex form, as Entra writes object and tenant ids. */
export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}
