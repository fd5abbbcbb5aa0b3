import { createServer } from "node:net";

/** A port that `npm start` needs and the server that would listen on it. */
export interface RequiredPort {
  port: number;
  server: string;
}

/** Checks whether a TCP port on 127.0.0.1 can be bound right now; errors other than EADDRINUSE are thrown. */
function isPortBusy(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        resolve(true);
      } else {
        reject(error);
      }
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
}

/** Returns the required ports that another process already listens on. */
export async function findBusyPorts(ports: readonly RequiredPort[]): Promise<RequiredPort[]> {
  const busy = await Promise.all(ports.map(async (entry) => ((await isPortBusy(entry.port)) ? [entry] : [])));
  return busy.flat();
}

/** Builds the error message for busy ports: which server needs which port, the likely cause and how to fix it. */
export function busyPortsMessage(busy: readonly RequiredPort[]): string {
  const lines = busy.map((entry) => `  127.0.0.1:${entry.port} (needed by ${entry.server})`);
  const first = busy[0]?.port ?? 7071;
  return [
    "npm start cannot start: these ports are already in use:",
    ...lines,
    "Most likely an earlier npm start is still running, or its servers outlived it after its npm process was killed.",
    `Find the process with \`lsof -nP -iTCP:${first} -sTCP:LISTEN\` or \`ss -ltnp 'sport = :${first}'\`,`,
    "stop it with `kill <pid>` (or Ctrl+C in the terminal that runs it), then run npm start again.",
  ].join("\n");
}
