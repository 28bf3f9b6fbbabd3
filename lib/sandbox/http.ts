import { randomUUID } from "node:crypto";
import { handleControl } from "./ecs/control";
import { handleOperation, initialState } from "./ecs/engine";
import { EcsError } from "./core/errors";
import { StoreConflictError, defaultSandbox, type SandboxDeps } from "./store";
import type { SandboxState } from "./core/types";

// Framework-free HTTP adapters. The Next route handlers and the integration tests' node:http
// server both call these, so the SDK talks to exactly the same code either way.

export type HttpRequest = { headers: Record<string, string | string[] | undefined> | Headers; body: string | Uint8Array };
export type HttpResponse = { status: number; headers: Record<string, string>; body: string };

export const TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
export const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_REGION = "us-east-1";

function header(req: HttpRequest, name: string): string | undefined {
  if (typeof Headers !== "undefined" && req.headers instanceof Headers) return req.headers.get(name) ?? undefined;
  const h = req.headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  const v = key ? h[key] : undefined;
  return Array.isArray(v) ? v[0] : v;
}

/** The region of the SigV4 credential scope (`Credential=AKID/20250101/eu-west-1/ecs/aws4_request`). */
export function regionOf(authorization: string | undefined): string {
  const m = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/.exec(authorization ?? "");
  return m?.[1] ?? DEFAULT_REGION;
}

const bodyText = (body: string | Uint8Array) => (typeof body === "string" ? body : Buffer.from(body).toString("utf8"));
const bodyBytes = (body: string | Uint8Array) => (typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);

function json(status: number, payload: unknown, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomUUID(), ...extra },
    body: JSON.stringify(payload),
  };
}

function errorResponse(e: EcsError): HttpResponse {
  return json(e.status, { __type: e.type, message: e.message }, { "x-amzn-errortype": e.type });
}

function parseBody(body: string | Uint8Array): unknown {
  if (bodyBytes(body) > MAX_BODY_BYTES) throw new EcsError("ClientException", "Request body is larger than 1 MiB.", 413);
  const text = bodyText(body).trim();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new EcsError("ClientException", "SerializationException: the request body is not valid JSON.");
  }
}

function serverError(message: string): HttpResponse {
  return json(500, { __type: "ServerException", message }, { "x-amzn-errortype": "ServerException" });
}

type Outcome = { state: SandboxState; output?: unknown; error?: EcsError };

/**
 * load → run → save, one request at a time per process (the mutex). A store shared between
 * processes answers a lost race with StoreConflictError: the request runs once more on the
 * fresh state (the engine is pure, so rerunning it is safe); a second loss answers
 * ServerException, which the SDK retries.
 */
async function withState(deps: SandboxDeps, fn: (state: SandboxState) => Outcome): Promise<HttpResponse> {
  return deps.mutex.run(async () => {
    for (let attempt = 1; ; attempt++) {
      let state: SandboxState;
      try {
        state = (await deps.store.load()) ?? initialState(deps.now());
      } catch (e) {
        console.error("sandbox: loading the state failed", e);
        return serverError("The sandbox state could not be loaded.");
      }
      let result: Outcome;
      try {
        result = fn(state);
      } catch (e) {
        return serverError(e instanceof Error ? e.message : "Internal error");
      }
      if (result.state !== state) {
        try {
          await deps.store.save(result.state);
        } catch (e) {
          if (e instanceof StoreConflictError && attempt < 2) continue;
          if (!(e instanceof StoreConflictError)) console.error("sandbox: saving the state failed", e);
          return serverError(e instanceof StoreConflictError ? "The sandbox is busy; try again." : "The sandbox state could not be saved.");
        }
      }
      return result.error ? errorResponse(result.error) : json(200, result.output ?? {});
    }
  });
}

/** One ECS API call (awsJson1_1): POST, X-Amz-Target names the operation. */
export async function handleEcsRequest(req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  const target = header(req, "x-amz-target") ?? "";
  if (!target.startsWith(TARGET_PREFIX)) {
    return errorResponse(new EcsError("UnknownOperationException", `Unknown operation ${target || "(none)"}`));
  }
  let input: unknown;
  try {
    input = parseBody(req.body);
  } catch (e) {
    return errorResponse(e as EcsError);
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return errorResponse(new EcsError("ClientException", "SerializationException: the request body must be a JSON object."));
  }
  const op = target.slice(TARGET_PREFIX.length);
  const region = regionOf(header(req, "authorization"));
  return withState(deps, (state) => handleOperation(state, { region, op, input, realNow: deps.now() }));
}

/** The sandbox control API (capacity, faults, clock): a JSON body with an `action`. */
export async function handleControlRequest(req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  let input: unknown;
  try {
    input = parseBody(req.body);
  } catch (e) {
    return errorResponse(e as EcsError);
  }
  const res = await withState(deps, (state) => handleControl(state, input, deps.now()));
  return { ...res, headers: { ...res.headers, "content-type": "application/json" } };
}
