import { describe, expect, it } from "vitest";

import { CorruptRecordError } from "../../src/registry/registryErrors";
import { MAX_CHUNK_LENGTH, fromEntity, jsonProperties, toEntity } from "../../src/registry/tenantPairEntity";
import { pairRecord } from "./registryFixtures";

describe("tenantPairEntity", () => {
  it("keeps surrogate pairs within one chunk", () => {
    const value = "a".repeat(MAX_CHUNK_LENGTH - 2) + "😀".repeat(3);
    const properties = jsonProperties("data", value);

    expect(Object.keys(properties)).toEqual(["data", "data2"]);
    for (const chunk of Object.values(properties)) {
      expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_LENGTH);
      expect(chunk).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(JSON.parse(Object.values(properties).join(""))).toBe(value);
  });

  it("reads back what it writes", () => {
    const record = pairRecord();
    expect(fromEntity(toEntity(record))).toEqual(record);
  });

  it.each([
    ["an unknown state", { state: "paused" }],
    ["missing objects", { objectsJson: undefined }],
    ["malformed health history", { healthHistoryJson: "[{}]" }],
  ])("rejects an entity with %s", (_case, change) => {
    const entity = { ...toEntity(pairRecord()), ...change };
    expect(() => fromEntity(entity)).toThrow(CorruptRecordError);
  });
});
