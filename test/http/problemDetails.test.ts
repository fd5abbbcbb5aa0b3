import { describe, expect, it } from "vitest";

import {
  PROBLEM_CONTENT_TYPE,
  ProblemTypes,
  invalidRequestProblem,
  problemResponse,
  toJsonPointer,
} from "../../src/http/problemDetails";

describe("problem details", () => {
  it("returns with the problem's status and media type", () => {
    const response = problemResponse(invalidRequestProblem([{ pointer: "/source", detail: "is required" }]));
    expect(response.status).toBe(400);
    expect((response.headers as Record<string, string>)["Content-Type"]).toBe(PROBLEM_CONTENT_TYPE);
    const body = JSON.parse(response.body as string);
    expect(body).toEqual({
      type: ProblemTypes.invalidRequest,
      title: "The request is invalid.",
      status: 400,
      detail: "The request has 1 problem; see errors for each one. Nothing was started.",
      errors: [{ pointer: "/source", detail: "is required" }],
    });
  });

  it("counts several problems in the detail", () => {
    const problem = invalidRequestProblem([
      { pointer: "/a", detail: "x" },
      { pointer: "/b", detail: "y" },
    ]);
    expect(problem.detail).toMatch(/^The request has 2 problems;/);
  });

  it("escapes JSON Pointer segments", () => {
    expect(toJsonPointer(["scope", "a/b", "c~d", 0])).toBe("/scope/a~1b/c~0d/0");
    expect(toJsonPointer([])).toBe("");
  });
});
