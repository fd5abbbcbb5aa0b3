import { isGraphRequestError } from "./graphRequestError";

/**
 * Awaits a Graph request and returns true when it failed with 404, i.e. the object is already gone, or false when it
 * succeeded. Any other failure is thrown.
 */
export async function isAlreadyGone(request: Promise<unknown>): Promise<boolean> {
  try {
    await request;
    return false;
  } catch (error) {
    if (isGraphRequestError(error) && error.kind === "notFound") {
      return true;
    }
    throw error;
  }
}

/** Awaits a Graph read and returns undefined when Graph returns 404. Any other failure is thrown. */
export async function undefinedWhenNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (isGraphRequestError(error) && error.kind === "notFound") {
      return undefined;
    }
    throw error;
  }
}
