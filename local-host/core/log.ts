/** Host log lines on stdout (errors and warnings on stderr), in the Functions host's level names. */
export type HostLogLevel = "Trace" | "Debug" | "Information" | "Warning" | "Error" | "Critical";

const levelNames: Record<string, HostLogLevel> = {
  trace: "Trace",
  debug: "Debug",
  information: "Information",
  warning: "Warning",
  error: "Error",
  critical: "Critical",
};

export function toHostLogLevel(level: string): HostLogLevel {
  return levelNames[level.toLowerCase()] ?? "Information";
}

export function hostLog(level: HostLogLevel, message: string, source = "Host"): void {
  const line = `[${new Date().toISOString()}] [${level}] [${source}] ${message}\n`;
  if (level === "Error" || level === "Critical" || level === "Warning") {
    process.stderr.write(line);
  } else {
    process.stdout.write(line);
  }
}

/** Normalises anything thrown into an Error once, at the edge. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
