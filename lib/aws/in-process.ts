import type { BaseClientConfig } from "./client-config";

/** An AWS wire-protocol handler called in-process (the app's own sandbox): no host or port to guess. */
export type InProcessHandler = (req: { headers: Record<string, string>; body: string; method?: string; path?: string; query?: string }) => Promise<{ status: number; headers: Record<string, string>; body: string; stream?: ReadableStream<Uint8Array> }>;

/** The query of an SDK request (a record of values or lists of values) as a query string. */
function queryString(query: Record<string, string | string[] | null | undefined> | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) for (const one of [v ?? []].flat()) params.append(k, one);
  return params.toString();
}

/**
 * Client settings that keep the real SDK client (same serialisation, errors and retries as
 * against AWS) and replace only its HTTP layer with a function call. The sandbox takes any
 * credentials and reads the region from the SigV4 scope, which the signer fills in from `region`.
 */
export function inProcessConfig(handle: InProcessHandler, region: string, path: string): BaseClientConfig & { requestHandler: never } {
  const requestHandler = {
    async handle(request: { headers: Record<string, string>; body?: unknown; method?: string; path?: string; query?: Record<string, string | string[] | null | undefined> }) {
      const b = request.body;
      const body = typeof b === "string" ? b : b instanceof Uint8Array ? new TextDecoder().decode(b) : "";
      // restJson1 services (EventBridge Scheduler) name the operation by method and path.
      const res = await handle({ headers: request.headers, body, method: request.method, path: request.path, query: queryString(request.query) });
      // A streamed answer (StartLiveTail's event stream) is handed on as the stream it is.
      return { response: { statusCode: res.status, headers: res.headers, body: res.stream ?? new TextEncoder().encode(res.body) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return {
    region, retryMode: "adaptive", maxAttempts: 3, endpoint: `http://sandbox.internal${path}`,
    credentials: { accessKeyId: "stevedore-sandbox", secretAccessKey: "sandbox" },
    requestHandler: requestHandler as never,
  };
}
