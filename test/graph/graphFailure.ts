import { expect } from "vitest";

import { GraphRequestError } from "../../src/graph/graphRequestError";

/** Awaits a Graph call that must fail and returns its error, after checking that it is a `GraphRequestError`. */
export async function failureOf(promise: Promise<unknown>): Promise<GraphRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphRequestError);
  return error as GraphRequestError;
}
