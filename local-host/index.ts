import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { applySettings, readAppConfig } from "./config/appConfig";
import { loadAppFiles } from "./config/loadApp";
import { FunctionRegistry, type RegisteredFunction } from "./core/functionRegistry";
import { createFunctionsCoreModule, installFunctionsCoreModule } from "./core/functionsCoreModule";
import { runAppStartHooks, runAppTerminateHooks } from "./core/invokeFunction";
import { hostLog, toError } from "./core/log";
import { ActivityDispatcher } from "./durable/activityDispatcher";
import { type ClientUrlOptions, durableClientInputs } from "./durable/clientUrls";
import { DurableService } from "./durable/durableService";
import { InstanceStore } from "./durable/instanceStore";
import { ManagementApi } from "./durable/managementApi";
import { OrchestrationDispatcher } from "./durable/orchestrationDispatcher";
import { loadSystemKey } from "./durable/systemKey";
import { type RequestHandlers, createHostServer } from "./http/hostServer";
import { collectHttpRoutes, runHttpTrigger } from "./http/httpTriggers";
import { TimerTriggers } from "./timer/timerTriggers";

export interface LocalHostOptions {
  appRoot: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 7071. */
  port?: number;
  /** Folder for durable state; default `<appRoot>/.data/local-host`. */
  dataDir?: string;
  /** Settings file whose `Values` become environment variables; default `<appRoot>/local.settings.json`. */
  settingsFile?: string;
  /** Settings that win over the settings file and the environment. */
  settings?: Record<string, string>;
}

export interface LoadedFunction {
  name: string;
  trigger: string;
  /** Full URL for HTTP triggers, the schedule for timers, empty otherwise. */
  route: string;
}

export interface LocalHost {
  url: string;
  functions: LoadedFunction[];
  close(): Promise<void>;
}

/** Raised when the app cannot be loaded; `message` is the app's own error message. */
export class AppLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppLoadError";
  }
}

let started = false;

/**
 * Loads the app at `appRoot` in this process and serves it. `@azure/functions` keeps global state, so only one
 * app can be loaded per process; tests should run the CLI as a child process.
 */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  if (started) {
    throw new Error("A local host was already started in this process; start each app in its own process.");
  }
  started = true;
  const appRoot = path.resolve(options.appRoot);
  const config = readAppConfig(appRoot, options.settingsFile);
  const skipped = applySettings(config.settings, options.settings);
  skipped.forEach((key) =>
    hostLog("Information", `Setting '${key}' is already in the environment; the settings file value is skipped.`),
  );
  const dataDir = path.resolve(options.dataDir ?? path.join(appRoot, ".data", "local-host"));
  mkdirSync(dataDir, { recursive: true });

  const registry = new FunctionRegistry();
  installFunctionsCoreModule(createFunctionsCoreModule(registry));

  let handlers: RequestHandlers | undefined;
  const server = createHostServer(() => handlers);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 7071, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // durable-functions rewrites client URLs to port 7071 unless WEBSITE_HOSTNAME is set, as it is on Azure.
  process.env.WEBSITE_HOSTNAME ??= `localhost:${port}`;

  let store: InstanceStore | undefined;
  try {
    loadAppFiles(appRoot, config.mainPattern);
    const model = registry.programmingModel;
    if (!model) {
      throw new Error("The app loaded no programming model: its files must use @azure/functions v4.");
    }
    await model.getCapabilities({});
    await runAppStartHooks(registry, appRoot);
    store = new InstanceStore(path.join(dataDir, "durable.sqlite"));
  } catch (error) {
    server.close();
    store?.close();
    throw new AppLoadError(toError(error).message, { cause: error });
  }

  const urls: ClientUrlOptions = { port, hubName: config.hubName, systemKey: loadSystemKey(dataDir) };
  const extraInputs = (fn: RegisteredFunction) => durableClientInputs(fn, urls);
  const activities = new ActivityDispatcher(store, registry, config.maxConcurrentActivities, extraInputs, () =>
    orchestrations.pump(),
  );
  const orchestrations = new OrchestrationDispatcher({ store, registry }, () => activities.pump());
  const service = new DurableService(store, registry, () => {
    orchestrations.pump();
    activities.pump();
  });
  const timers = new TimerTriggers(store, registry, extraInputs);
  const routes = collectHttpRoutes(registry);
  try {
    timers.start();
  } catch (error) {
    server.close();
    store.close();
    throw new AppLoadError(toError(error).message, { cause: error });
  }
  handlers = {
    routePrefix: config.routePrefix,
    routes,
    managementApi: new ManagementApi(service, () => urls),
    runHttpTrigger: (match, request, response, url) =>
      runHttpTrigger(registry, extraInputs, match, request, response, url),
  };
  // Recovery: due events (including overdue timers) run now, unfinished activities run again.
  orchestrations.pump();
  activities.pump();

  const url = `http://localhost:${port}`;
  const functions = describeFunctions(registry, url, config.routePrefix, routes);
  const openStore = store;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      handlers = undefined;
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      timers.close();
      activities.close();
      await orchestrations.close();
      await runAppTerminateHooks(registry).catch((error: unknown) =>
        hostLog("Error", `An appTerminate hook failed: ${toError(error).message}`),
      );
      server.closeAllConnections();
      await serverClosed;
      openStore.close();
    })());
  return { url, functions, close };
}

function describeFunctions(
  registry: FunctionRegistry,
  url: string,
  routePrefix: string,
  routes: ReturnType<typeof collectHttpRoutes>,
): LoadedFunction[] {
  return [...registry.functions.values()].map((fn) => {
    const binding = fn.metadata.bindings[fn.triggerBindingName] ?? {};
    const httpRoute = routes.find((route) => route.fn === fn);
    let route = "";
    if (httpRoute) {
      const prefix = routePrefix === "" ? "" : `/${routePrefix}`;
      route = `[${httpRoute.methods.join(",")}] ${url}${prefix}/${httpRoute.template.template}`;
    } else if (fn.triggerType === "timerTrigger") {
      route = String(binding.schedule ?? "");
    }
    return { name: fn.metadata.name, trigger: fn.triggerType, route };
  });
}
