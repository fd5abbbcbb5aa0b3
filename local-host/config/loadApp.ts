import path from "node:path";
import { globSync } from "glob";

/** Requires every file that the app's `main` glob matches, in a stable order. Throws what the app throws. */
export function loadAppFiles(appRoot: string, mainPattern: string): string[] {
  const files = globSync(mainPattern, { cwd: appRoot, absolute: true, nodir: true }).sort();
  if (files.length === 0) {
    throw new Error(`No files match the main pattern "${mainPattern}" in ${appRoot}; is the app built?`);
  }
  for (const file of files) {
    require(path.resolve(file));
  }
  return files;
}
