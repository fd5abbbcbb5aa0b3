import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Loads the Durable extension's system key (`code` in management URLs). It is the DURABLE_SYSTEM_KEY setting, or
 * else a random key made at first start and kept in the data folder.
 * NOTE: like Core Tools, the host does not check keys.
 */
export function loadSystemKey(dataDir: string): string {
  const configured = process.env.DURABLE_SYSTEM_KEY;
  if (configured) {
    return configured;
  }
  const file = path.join(dataDir, "durabletask-system-key");
  if (existsSync(file)) {
    return readFileSync(file, "utf8").trim();
  }
  const key = randomBytes(32).toString("base64url");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
