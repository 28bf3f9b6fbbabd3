import { readEcsJson } from "../../domain/design/read-json";
import type { Call, Engine, EngineResult } from "../core/engine";
import { AwsError } from "../core/errors";
import { MAX_BODY_BYTES, bodyExceeds, bodyText, header, type HttpRequest, type HttpResponse } from "./http-message";
import { regionOf } from "./sigv4";

// The AWS JSON 1.1 protocol (awsJson1_1) that ECS, CloudWatch Logs and Application Auto Scaling
// speak: POST, `X-Amz-Target: <prefix><Operation>`, a JSON object in and out
// (`application/x-amz-json-1.1`), timestamps as epoch seconds, errors as HTTP 400
// `{"__type": "<Code>", "message": "…"}` plus `X-Amzn-ErrorType`. Pure: the edge (../http.ts)
// brings the state, the wall clock and the request ids.

/**
 * How a JSON service's answers look on the wire beyond awsJson1_1's defaults: its content type
 * (awsJson1_0: json-1-0.ts) and, for awsQueryCompatible services, the awsQuery code of each error
 * type, sent in `x-amzn-query-error: <code>;<Sender|Receiver>` (the SDK names the error by it).
 */
export type JsonWire = { contentType: string; queryErrorCodes?: Readonly<Record<string, string>> };

const JSON_1_1: JsonWire = { contentType: "application/x-amz-json-1.1" };

/** A service spoken over awsJson1_1 (or awsJson1_0, `wire`): how its calls are named, and the engine that runs them. */
export type JsonService = {
  /** Its name in the SigV4 credential scope ("ecs", "logs", …). */
  signingName: string;
  /** What X-Amz-Target starts with, up to and including the dot. */
  targetPrefix: string;
  /** The code it answers a body it cannot read with (ECS: ClientException). */
  clientErrorType: string;
  engine: Engine;
  /** Absent: awsJson1_1. */
  wire?: JsonWire;
};

/** A call as read off the wire; the edge adds its clock (`realNow`). */
export type JsonCall = Omit<Call, "realNow">;

/**
 * The request body as JSON (an empty body is `{}`), or the service's client error. Read as all
 * ECS JSON is (readEcsJson): `null` means "not set" (the AWS SDKs never send one), so null members
 * and list items are dropped, and nesting is bounded.
 */
export function parseJsonBody(body: string | Uint8Array, clientErrorType: string): unknown {
  if (bodyExceeds(body, MAX_BODY_BYTES)) throw new AwsError(clientErrorType, "Request body is larger than 1 MiB.", 413);
  const text = bodyText(body).trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AwsError(clientErrorType, "SerializationException: the request body is not valid JSON.");
  }
  const read = readEcsJson(parsed);
  if (!read.ok) throw new AwsError(clientErrorType, `SerializationException: ${read.issues[0].message}.`);
  return read.value;
}

/** The operation (X-Amz-Target), region (SigV4 scope) and input (a JSON object) of a request. */
export function readJsonCall(service: JsonService, req: HttpRequest): { call: JsonCall } | { error: AwsError } {
  const target = header(req, "x-amz-target") ?? "";
  if (!target.startsWith(service.targetPrefix)) {
    return { error: new AwsError("UnknownOperationException", `Unknown operation ${target || "(none)"}`) };
  }
  let input: unknown;
  try {
    input = parseJsonBody(req.body, service.clientErrorType);
  } catch (e) {
    return { error: e as AwsError };
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { error: new AwsError(service.clientErrorType, "SerializationException: the request body must be a JSON object.") };
  }
  const op = target.slice(service.targetPrefix.length);
  return { call: { op, region: regionOf(header(req, "authorization")), input } };
}

function json(wire: JsonWire, status: number, payload: unknown, requestId: string, extra: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { "content-type": wire.contentType, "x-amzn-requestid": requestId, ...extra },
    body: JSON.stringify(payload),
  };
}

export function jsonError(e: AwsError, requestId: string, wire: JsonWire = JSON_1_1): HttpResponse {
  const code = wire.queryErrorCodes && Object.hasOwn(wire.queryErrorCodes, e.type) ? wire.queryErrorCodes[e.type] : undefined;
  const query: Record<string, string> = code ? { "x-amzn-query-error": `${code};${e.status >= 500 ? "Receiver" : "Sender"}` } : {};
  return json(wire, e.status, { ...e.fields, __type: e.type, message: e.message }, requestId, { "x-amzn-errortype": e.type, ...query });
}

/** The answer to a call: its output (200) or its error. */
export function jsonAnswer(result: Pick<EngineResult, "output" | "error">, requestId: string, wire: JsonWire = JSON_1_1): HttpResponse {
  return result.error ? jsonError(result.error, requestId, wire) : json(wire, 200, result.output ?? {}, requestId);
}

/** A failure of the sandbox itself (its store): a 5xx, which every SDK retries. */
export function jsonServerError(message: string, requestId: string, wire: JsonWire = JSON_1_1): HttpResponse {
  return json(wire, 500, { __type: "ServerException", message }, requestId, { "x-amzn-errortype": "ServerException" });
}

// Answer shapes: the engines of awsJson1_1 services build their outputs with these.

/** awsJson1_1 carries timestamps as epoch seconds (numbers); the sandbox keeps milliseconds. */
export const epochSeconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** Drops undefined members so the answer has only what the service would send. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}
