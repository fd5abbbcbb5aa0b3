import { InvalidSettingsError, parseSettingsPatch } from "../settings";
import type { EmulatorServices } from "../state/services";
import { AdminError, type AdminResult } from "./adminResult";
import { handleTenantAdmin } from "./adminTenantRoutes";
import { InvalidFaultError, parseFault } from "./faultStore";

function parseBody(text: string): unknown {
  if (text.trim() === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AdminError(400, "The request body is not valid JSON.");
  }
}

function handleFaults(services: EmulatorServices, method: string, body: unknown): AdminResult {
  const { faults } = services.state;
  switch (method) {
    case "GET":
      return { status: 200, body: faults.list() };
    case "DELETE":
      faults.clear();
      return { status: 204 };
    case "POST":
      try {
        const fault = parseFault(body);
        faults.add(fault);
        return { status: 201, body: { id: fault.id } };
      } catch (error) {
        if (error instanceof InvalidFaultError) {
          throw new AdminError(400, error.message);
        }
        throw error;
      }
    default:
      throw new AdminError(405, `Use GET, POST or DELETE on /_emulator/faults, not ${method}.`);
  }
}

function handleSettings(services: EmulatorServices, method: string, body: unknown): AdminResult {
  const { state } = services;
  if (method === "PUT") {
    try {
      state.settings = { ...state.settings, ...parseSettingsPatch(body) };
    } catch (error) {
      if (error instanceof InvalidSettingsError) {
        throw new AdminError(400, error.message);
      }
      throw error;
    }
  } else if (method !== "GET") {
    throw new AdminError(405, `Use GET or PUT on /_emulator/settings, not ${method}.`);
  }
  return { status: 200, body: { ...state.settings } };
}

function handleRequestLog(services: EmulatorServices, method: string): AdminResult {
  if (method === "GET") {
    return { status: 200, body: services.state.requestLog };
  }
  if (method === "DELETE") {
    services.state.requestLog = [];
    return { status: 204 };
  }
  throw new AdminError(405, `Use GET or DELETE on /_emulator/requests, not ${method}.`);
}

/**
 * Handles the admin API under `/_emulator/` (no authentication): tenant dumps and admin changes, faults, settings,
 * the request log and reset. `segments` are the path segments after `_emulator`.
 */
export function handleAdminRequest(
  services: EmulatorServices,
  method: string,
  segments: string[],
  rawBody: string,
): AdminResult {
  const body = parseBody(rawBody);
  const [area, ...rest] = segments;
  if (area === "tenants") {
    return handleTenantAdmin(services, method, rest, body);
  }
  if (rest.length > 0) {
    throw new AdminError(404, `No admin route for ${method} /_emulator/${segments.join("/")}.`);
  }
  switch (area) {
    case "faults":
      return handleFaults(services, method, body);
    case "settings":
      return handleSettings(services, method, body);
    case "requests":
      return handleRequestLog(services, method);
    case "reset":
      if (method !== "POST") {
        throw new AdminError(405, `Use POST on /_emulator/reset, not ${method}.`);
      }
      services.scheduler.cancelAll();
      services.state.reset();
      return { status: 204 };
    default:
      throw new AdminError(404, `No admin route for ${method} /_emulator/${segments.join("/")}.`);
  }
}
