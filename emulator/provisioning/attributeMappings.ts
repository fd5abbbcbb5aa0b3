import type { JsonObject, TenantDirectory, UserResource } from "../state/model";

/** Target user properties a sync job may write. */
const WRITABLE_TARGET_PROPERTIES = [
  "accountEnabled",
  "displayName",
  "givenName",
  "surname",
  "mail",
  "jobTitle",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "showInAddressList",
  "userType",
] as const;

type WritableProperty = (typeof WRITABLE_TARGET_PROPERTIES)[number];

export interface UserMapping {
  target: WritableProperty;
  /** Copies a source user property, or sets a constant. */
  source: { kind: "attribute"; name: keyof UserResource } | { kind: "constant"; value: string };
  /** `ObjectAddOnly` mappings apply only when the target user is created. */
  onCreateOnly: boolean;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return undefined;
  }
  return value as Record<string, unknown>;
}

function constantValue(source: Record<string, unknown>): string | undefined {
  if (typeof source.name === "string" && source.name !== "") {
    return source.name;
  }
  return typeof source.expression === "string" ? source.expression.replace(/^"|"$/g, "") : undefined;
}

function toMapping(entry: unknown, sampleUser: UserResource): UserMapping | undefined {
  const mapping = asObject(entry);
  const source = asObject(mapping?.source);
  const target = mapping?.targetAttributeName;
  if (mapping === undefined || source === undefined || typeof target !== "string") {
    return undefined;
  }
  if (!(WRITABLE_TARGET_PROPERTIES as readonly string[]).includes(target)) {
    return undefined;
  }
  const onCreateOnly = mapping.flowType === "ObjectAddOnly";
  if (source.type === "Constant") {
    const value = constantValue(source);
    if (value === undefined) {
      return undefined;
    }
    return { target: target as WritableProperty, source: { kind: "constant", value }, onCreateOnly };
  }
  if (source.type === "Attribute" && typeof source.name === "string" && source.name in sampleUser) {
    const name = source.name as keyof UserResource;
    return { target: target as WritableProperty, source: { kind: "attribute", name }, onCreateOnly };
  }
  // NOTE: Function mappings (expressions) are not evaluated by the emulator.
  return undefined;
}

/** Reads the User→User attribute mappings of a job schema's enabled object mappings. */
export function readUserMappings(schema: JsonObject, sampleUser: UserResource): UserMapping[] {
  const mappings: UserMapping[] = [];
  const rules = Array.isArray(schema.synchronizationRules) ? schema.synchronizationRules : [];
  for (const rule of rules) {
    const objectMappings = asObject(rule)?.objectMappings;
    for (const objectMapping of Array.isArray(objectMappings) ? objectMappings : []) {
      const candidate = asObject(objectMapping);
      const isUserMapping = candidate?.sourceObjectName === "User" && candidate.targetObjectName === "User";
      if (!isUserMapping || candidate?.enabled === false) {
        continue;
      }
      const attributeMappings = Array.isArray(candidate.attributeMappings) ? candidate.attributeMappings : [];
      for (const entry of attributeMappings) {
        const mapping = toMapping(entry, sampleUser);
        if (mapping !== undefined) {
          mappings.push(mapping);
        }
      }
    }
  }
  return mappings;
}

/** Computes the target values of a source user; on update, `ObjectAddOnly` mappings are left out. */
export function mappedValues(mappings: UserMapping[], user: UserResource, creating: boolean): Partial<UserResource> {
  const values: Record<string, unknown> = {};
  for (const mapping of mappings) {
    if (mapping.onCreateOnly && !creating) {
      continue;
    }
    values[mapping.target] = mapping.source.kind === "constant" ? mapping.source.value : user[mapping.source.name];
  }
  return values as Partial<UserResource>;
}

/** Reads a job schema's user mappings, checking attribute names against a user of the source tenant. */
export function userMappingsOf(schema: JsonObject, source: TenantDirectory): UserMapping[] {
  const sample = [...source.users.values()][0]?.resource;
  return sample === undefined ? [] : readUserMappings(schema, sample);
}
