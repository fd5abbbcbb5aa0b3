/**
 * `node dist/scripts/watchdog.js <pid> [signal]`: stops process `<pid>` when this watchdog's standard input closes.
 * `npm start` runs one for Azurite, which cannot watch its parent itself: start.js keeps the watchdog's stdin open, so
 * when start.js dies, even by kill -9, the pipe closes and the watchdog sends `signal` (default SIGINT, on which
 * Azurite saves its data), then SIGKILL if the process is still there after five seconds.
 */
const KILL_AFTER_MS = 5000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const pid = Number(process.argv[2]);
  const signal = (process.argv[3] ?? "SIGINT") as NodeJS.Signals;
  if (!Number.isInteger(pid) || pid <= 0) {
    console.error(`Invalid process id '${process.argv[2]}'. Usage: node watchdog.js <pid> [signal]`);
    process.exit(2);
  }
  // The watchdog also ends when the watched process ends first, e.g. after a clean stop.
  setInterval(() => {
    if (!isRunning(pid)) process.exit(0);
  }, 1000);
  process.stdin.once("end", () => {
    if (!isRunning(pid)) process.exit(0);
    process.kill(pid, signal);
    setTimeout(() => {
      if (isRunning(pid)) process.kill(pid, "SIGKILL");
      process.exit(0);
    }, KILL_AFTER_MS).unref();
    setInterval(() => {
      if (!isRunning(pid)) process.exit(0);
    }, 100);
  });
  process.stdin.resume();
}

main();
