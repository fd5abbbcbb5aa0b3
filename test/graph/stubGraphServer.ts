import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export type StubRoute = (request: RecordedRequest, response: ServerResponse) => void;

/** A loopback HTTP server whose responses each test sets. It records every request it receives. */
export class StubGraphServer {
  readonly requests: RecordedRequest[] = [];
  route: StubRoute = (_request, response) =>
    sendJson(response, 404, { error: { code: "NotFound", message: "no route" } });
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(): Promise<StubGraphServer> {
    let stub: StubGraphServer | undefined;
    const server = createServer((request, response) => void stub?.handle(request, response));
    stub = new StubGraphServer(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return stub;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      url: request.url ?? "",
      authorization: request.headers.authorization,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    this.requests.push(recorded);
    this.route(recorded, response);
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

/** Responds to token requests with a fixed token and returns false for other paths. */
export function answerToken(request: RecordedRequest, response: ServerResponse, token = "token-1"): boolean {
  if (!request.url.endsWith("/oauth2/v2.0/token")) {
    return false;
  }
  sendJson(response, 200, { token_type: "Bearer", access_token: token, expires_in: 3600 });
  return true;
}
