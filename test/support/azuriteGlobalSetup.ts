import path from "node:path";

import type { TestProject } from "vitest/node";

import { startAzurite } from "../../scripts/lib/azurite";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the Azurite table service that every test file shares; `inject` it. */
    azuriteConnectionString: string;
  }
}

/** Starts one in-memory Azurite table service for the whole test run and stops it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startAzurite({ appRoot: path.resolve(__dirname, "../.."), port: 0 });
  project.provide("azuriteConnectionString", azurite.connectionString);
  return () => azurite.stop();
}
