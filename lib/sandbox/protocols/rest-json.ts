import type { Call, Engine, EngineResult } from "../core/engine";
import { AwsError } from "../core/errors";
import { header, type HttpRequest, type HttpResponse } from "./http-message";
import { parseJsonBody } from "./json-1-1";
import { regionOf } from "./sigv4";

// The AWS restJson1 protocol (EventBridge Scheduler): the operation is the HTTP method and a
// path template (`POST /schedules/{Name}`), its input bound from path labels, query values and a
// JSON body (timestamps in the body as epoch seconds), its output a JSON body, its errors the
// modelled status code with `x-amzn-errortype: <Code>` and `{"Message": "…"}`. Pure: the edge
// (../http.ts) brings the state, the wall clock and the request ids.

/** One operation as the service's model binds it: `{Label}` path segments and query names → members. */
export type RestRoute = {
  op: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path template below the endpoint, e.g. `/schedules/{Name}`. */
  path: string;
  /** Query parameter name → input member (`groupName` → `GroupName`). */
  query?: Readonly<Record<string, string>>;
};

/** A service spoken over restJson1: its routes and the engine that runs them. */
export type RestJsonService = {
  signingName: string;
  routes: readonly RestRoute[];
  /** The code it answers a body it cannot read with (Scheduler: ValidationException). */
  clientErrorType: string;
  engine: Engine;
};

/** A call as read off the wire; the edge adds its clock (`realNow`). */
export type RestCall = Omit<Call, "realNow">;

const segments = (path: string) => path.split("/").filter((s) => s !== "");

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The route a method and path (below the endpoint) name, with its path labels' values. */
export function matchRoute(service: RestJsonService, method: string, path: string): { route: RestRoute; labels: Record<string, string> } | undefined {
  const given = segments(path);
  for (const route of service.routes) {
    if (route.method !== method.toUpperCase()) continue;
    const template = segments(route.path);
    if (template.length !== given.length) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < template.length && ok; i++) {
      const label = /^\{(\w+)\}$/.exec(template[i]);
      if (label) {
        const value = decode(given[i]);
        if (value === undefined || value === "") ok = false;
        else labels[label[1]] = value;
      } else ok = template[i] === given[i];
    }
    if (ok) return { route, labels };
  }
  return undefined;
}

/** Whether a path (below the endpoint) is one of the service's, whatever the method: how an unsigned request finds its service. */
export const servesPath = (service: RestJsonService, path: string) =>
  service.routes.some((r) => segments(r.path)[0] === segments(path)[0]);

/**
 * The operation (method + path), region (SigV4 scope) and input (path labels, then query
 * values, then the body's members) of a request. `path` is below the endpoint.
 */
export function readRestCall(service: RestJsonService, req: HttpRequest, path: string, query: string): { call: RestCall } | { error: AwsError } {
  const method = req.method ?? "POST";
  const matched = matchRoute(service, method, path);
  if (!matched) return { error: new AwsError("UnknownOperationException", `Unknown operation ${method} ${path}`, 404) };
  let body: unknown;
  try {
    body = parseJsonBody(req.body, service.clientErrorType);
  } catch (e) {
    return { error: e as AwsError };
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { error: new AwsError(service.clientErrorType, "The request body must be a JSON object.") };
  }
  const input: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const params = new URLSearchParams(query);
  for (const [name, member] of Object.entries(matched.route.query ?? {})) {
    // A list member (UntagResource's TagKeys) repeats its name: `?TagKeys=a&TagKeys=b`.
    const v = params.getAll(name);
    if (v.length > 0) input[member] = v.length === 1 ? v[0] : v;
  }
  Object.assign(input, matched.labels);
  return { call: { op: matched.route.op, region: regionOf(header(req, "authorization")), input } };
}

function json(status: number, payload: unknown, requestId: string, extra: Record<string, string> = {}): HttpResponse {
  return { status, headers: { "content-type": "application/json", "x-amzn-requestid": requestId, ...extra }, body: JSON.stringify(payload) };
}

export function restJsonError(e: AwsError, requestId: string): HttpResponse {
  return json(e.status, { ...e.fields, Message: e.message }, requestId, { "x-amzn-errortype": e.type });
}

/** The answer to a call: its output (200) or its error. */
export function restJsonAnswer(result: Pick<EngineResult, "output" | "error">, requestId: string): HttpResponse {
  return result.error ? restJsonError(result.error, requestId) : json(200, result.output ?? {}, requestId);
}

/** A failure of the sandbox itself (its store): a 500, which every SDK retries. */
export function restJsonServerError(message: string, requestId: string): HttpResponse {
  return json(500, { Message: message }, requestId, { "x-amzn-errortype": "InternalServerException" });
}
