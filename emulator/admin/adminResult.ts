export interface AdminResult {
  status: number;
  body?: unknown;
}

/** An admin API error; returned as `{error: {code, message}}`. */
export class AdminError extends Error {
  override name = "AdminError";

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
