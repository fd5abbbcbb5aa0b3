// Shapes of the `@azure/functions-core` module that the Node worker provides to `@azure/functions`.
// Only the fields the local host reads or writes are typed; the library owns the rest.

export interface TypedData {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  http?: RpcHttpData | null;
  int?: number | null;
  double?: number | null;
}

export interface NullableValue<T> {
  value?: T;
}

export interface RpcHttpCookie {
  name?: string;
  value?: string;
  domain?: NullableValue<string>;
  path?: NullableValue<string>;
  expires?: NullableValue<{ seconds?: number; nanos?: number }>;
  secure?: NullableValue<boolean>;
  httpOnly?: NullableValue<boolean>;
  sameSite?: string;
  maxAge?: NullableValue<number>;
}

export interface RpcHttpData {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  body?: TypedData | null;
  statusCode?: string;
  cookies?: RpcHttpCookie[];
}

export interface BindingInfo {
  type?: string;
  direction?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, BindingInfo>;
  retryOptions?: unknown;
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export type LogLevel = "trace" | "debug" | "information" | "warning" | "error" | "critical" | "none";

export interface CoreInvocationContext {
  invocationId: string;
  request: { inputData: { name: string; data: TypedData }[]; triggerMetadata: Record<string, TypedData> };
  metadata: { name: string; bindings: Record<string, BindingInfo> };
  state?: string;
  log(level: LogLevel, category: string, message: string): void;
}

export interface InvocationResponse {
  returnValue?: TypedData | null;
}

export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<InvocationResponse>;
}

export interface ProgrammingModel {
  name?: string;
  version?: string;
  getInvocationModel(coreCtx: CoreInvocationContext): InvocationModel;
  getCapabilities(capabilities: Record<string, string>): Record<string, string> | Promise<Record<string, string>>;
}

export type HookCallback = (context: Record<string, unknown>) => unknown;
