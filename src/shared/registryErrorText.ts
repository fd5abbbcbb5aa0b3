/**
 * One-line text of a failed registry write, as a registry activity throws it, so that the orchestrator can tell a
 * transient storage failure (worth a durable retry) from a permanent one by the text alone:
 * `Tenant-pair registry <transient|permanent> error <status|-> <code|->: <message>`.
 */

export type RegistryErrorKind = "transient" | "permanent";

export interface RegistryErrorDetails {
  kind: RegistryErrorKind;
  status?: number;
  code?: string;
  message: string;
}

const MAX_MESSAGE_LENGTH = 300;
const PATTERN = /Tenant-pair registry (transient|permanent) error (\d{3}|-) (\S+): (.*)/s;

export function formatRegistryError(error: RegistryErrorDetails): string {
  const flat = error.message.replace(/\s+/g, " ").trim() || "no message";
  const message = flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : flat;
  const code = error.code === undefined || error.code === "" ? "-" : error.code.replace(/\s+/g, "_");
  return `Tenant-pair registry ${error.kind} error ${error.status ?? "-"} ${code}: ${message}`;
}

/** Reads a text made by `formatRegistryError`, also inside a longer text; undefined for any other text. */
export function parseRegistryErrorText(text: string): RegistryErrorDetails | undefined {
  const match = PATTERN.exec(text);
  if (match === null) {
    return undefined;
  }
  const [, kind, status, code, message] = match;
  const parsed: RegistryErrorDetails = { kind: kind as RegistryErrorKind, message: message ?? "" };
  if (status !== undefined && status !== "-") {
    parsed.status = Number(status);
  }
  if (code !== undefined && code !== "-") {
    parsed.code = code;
  }
  return parsed;
}
