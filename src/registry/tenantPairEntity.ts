import type { TableEntity } from "@azure/data-tables";
import type { z } from "zod";

import { CorruptRecordError, RecordTooLargeError } from "./registryErrors";
import { HEALTH_HISTORY_LIMIT, type TenantPairRecord, type TenantPairState } from "./tenantPairRecord";
import { offboardingSchema } from "./offboardingSchema";
import { healthHistorySchema, objectsSchema, tenantPairStates } from "./tenantPairSchema";

/** Properties of a registry entity: scalars as they are, lists as JSON split over numbered properties. */
export type TenantPairEntity = TableEntity<Record<string, string | number>>;

/**
 * Table Storage limits: a string property is at most 64 KiB (32 Ki UTF-16 code units) and an entity at most
 * 1 MiB. JSON chunks stay below the first, and the size estimate below keeps a margin to the second.
 */
export const MAX_CHUNK_LENGTH = 32_000;
export const MAX_ENTITY_BYTES = 1_000_000;
const SCHEMA_VERSION = 1;

const TEXT_FIELDS = [
  "sourceDisplayName",
  "targetDisplayName",
  "sourceDomainName",
  "targetDomainName",
  "configurationName",
  "state",
  "createdAt",
  "updatedAt",
] as const;
const NULLABLE_FIELDS = [
  "applicationId",
  "appId",
  "servicePrincipalId",
  "jobId",
  "lastOnboardingInstanceId",
  "lastOffboardingInstanceId",
] as const;

/** Returns the partition key (source) and row key (target) of a pair: the tenant ids in lower case. */
export function entityKeys(sourceTenantId: string, targetTenantId: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: sourceTenantId.toLowerCase(), rowKey: targetTenantId.toLowerCase() };
}

/**
 * Builds the entity of a record. The health history keeps its newest `HEALTH_HISTORY_LIMIT` results, and fewer
 * when the entity would otherwise pass the size limit. @throws RecordTooLargeError when even no history is too much.
 */
export function toEntity(record: TenantPairRecord): TenantPairEntity {
  let history = record.healthHistory.slice(0, HEALTH_HISTORY_LIMIT);
  for (;;) {
    const entity = buildEntity(record, history);
    const bytes = estimateEntityBytes(entity);
    if (bytes <= MAX_ENTITY_BYTES) {
      return entity;
    }
    if (history.length === 0) {
      throw new RecordTooLargeError(record.sourceTenantId, record.targetTenantId, bytes, MAX_ENTITY_BYTES);
    }
    history = history.slice(0, -1);
  }
}

function buildEntity(record: TenantPairRecord, history: TenantPairRecord["healthHistory"]): TenantPairEntity {
  const entity: TenantPairEntity = {
    ...entityKeys(record.sourceTenantId, record.targetTenantId),
    schemaVersion: SCHEMA_VERSION,
  };
  for (const field of TEXT_FIELDS) {
    entity[field] = record[field];
  }
  for (const field of NULLABLE_FIELDS) {
    const value = record[field];
    if (value !== null) {
      entity[field] = value;
    }
  }
  Object.assign(entity, jsonProperties("objectsJson", record.objects), jsonProperties("healthHistoryJson", history));
  if (record.offboarding !== undefined) {
    Object.assign(entity, jsonProperties("offboardingJson", record.offboarding));
  }
  return entity;
}

/** Reads a record back from its entity. @throws CorruptRecordError when a property is missing or malformed. */
export function fromEntity(entity: Record<string, unknown>): TenantPairRecord {
  const partitionKey = String(entity.partitionKey);
  const rowKey = String(entity.rowKey);
  const fail = (problem: string): never => {
    throw new CorruptRecordError(partitionKey, rowKey, problem);
  };
  const text: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const value = entity[field];
    text[field] = typeof value === "string" ? value : fail(`${field} is missing`);
  }
  if (!(tenantPairStates as readonly string[]).includes(text.state ?? "")) {
    fail(`state '${text.state}' is not a known state`);
  }
  const nullable: Record<string, string | null> = {};
  for (const field of NULLABLE_FIELDS) {
    const value = entity[field];
    nullable[field] = typeof value === "string" && value !== "" ? value : null;
  }
  const record: TenantPairRecord = {
    sourceTenantId: partitionKey,
    targetTenantId: rowKey,
    sourceDisplayName: text.sourceDisplayName ?? "",
    targetDisplayName: text.targetDisplayName ?? "",
    sourceDomainName: text.sourceDomainName ?? "",
    targetDomainName: text.targetDomainName ?? "",
    configurationName: text.configurationName ?? "",
    state: text.state as TenantPairState,
    applicationId: nullable.applicationId ?? null,
    appId: nullable.appId ?? null,
    servicePrincipalId: nullable.servicePrincipalId ?? null,
    jobId: nullable.jobId ?? null,
    objects: readJson(entity, "objectsJson", objectsSchema, fail),
    lastOnboardingInstanceId: nullable.lastOnboardingInstanceId ?? null,
    lastOffboardingInstanceId: nullable.lastOffboardingInstanceId ?? null,
    healthHistory: readJson(entity, "healthHistoryJson", healthHistorySchema, fail),
    createdAt: text.createdAt ?? "",
    updatedAt: text.updatedAt ?? "",
  };
  // Absent until the pair's first offboarding.
  if (typeof entity.offboardingJson === "string") {
    record.offboarding = readJson(entity, "offboardingJson", offboardingSchema, fail);
  }
  return record;
}

/** Splits the JSON of a value over `name`, `name2`, `name3` … so that no property passes the string limit. */
export function jsonProperties(name: string, value: unknown): Record<string, string> {
  const json = JSON.stringify(value);
  const properties: Record<string, string> = {};
  let start = 0;
  for (let index = 1; index === 1 || start < json.length; index++) {
    let end = Math.min(start + MAX_CHUNK_LENGTH, json.length);
    // Splitting a surrogate pair would leave invalid UTF-16 that is not stored faithfully.
    if (end < json.length && /[\uD800-\uDBFF]/.test(json.charAt(end - 1))) {
      end -= 1;
    }
    properties[index === 1 ? name : `${name}${index}`] = json.slice(start, end);
    start = end;
  }
  return properties;
}

function readJson<T>(
  entity: Record<string, unknown>,
  name: string,
  schema: z.ZodType<T>,
  fail: (problem: string) => never,
): T {
  let json = "";
  for (let index = 1; ; index++) {
    const chunk = entity[index === 1 ? name : `${name}${index}`];
    if (typeof chunk !== "string") {
      break;
    }
    json += chunk;
  }
  if (json === "") {
    return fail(`${name} is missing`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return fail(`${name} is not valid JSON`);
  }
  const result = schema.safeParse(parsed);
  return result.success ? result.data : fail(`${name} does not match the record type`);
}

/**
 * Estimates an entity's stored size in bytes: 2 per UTF-16 character of keys, property names and string values, plus
 * a few bytes of overhead per property. It errs on the high side.
 */
export function estimateEntityBytes(entity: TenantPairEntity): number {
  let bytes = 4 + 2 * (entity.partitionKey.length + entity.rowKey.length);
  for (const [name, value] of Object.entries(entity)) {
    if (name === "partitionKey" || name === "rowKey") {
      continue;
    }
    bytes += 8 + 2 * name.length + (typeof value === "string" ? 4 + 2 * value.length : 8);
  }
  return bytes;
}
