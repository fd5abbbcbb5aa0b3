import type { IncomingMessage } from "node:http";

/** Azure's front end rejects request bodies over 100 MB; the host does the same. */
export const maxRequestBodyBytes = 100 * 1024 * 1024;

export class RequestTooLargeError extends Error {
  constructor() {
    super(`The request body exceeds ${maxRequestBodyBytes} bytes.`);
    this.name = "RequestTooLargeError";
  }
}

/** Reads the whole request body, rejecting with RequestTooLargeError past `maxRequestBodyBytes`. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxRequestBodyBytes) {
    request.resume();
    throw new RequestTooLargeError();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxRequestBodyBytes) {
      throw new RequestTooLargeError();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
