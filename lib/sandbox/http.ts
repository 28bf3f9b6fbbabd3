import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { simNow } from "./core/clock";
import { AwsError } from "./core/errors";
import { APPLICATION_AUTOSCALING_API } from "./application-autoscaling/api";
import { AUTOSCALING_API } from "./autoscaling/api";
import { CLOUDWATCH_API } from "./cloudwatch/api";
import { CLOUDWATCH_QUERY_API } from "./cloudwatch/query";
import { EC2_API } from "./ec2/api";
import { ECS_API } from "./ecs/api";
import { handleControl } from "./ecs/control";
import { ELBV2_API } from "./elbv2/api";
import { IAM_API } from "./iam/api";
import { LOGS_API } from "./logs/api";
import { PRICING_API } from "./pricing/api";
import { SCHEDULER_API } from "./scheduler/api";
import { SERVICE_DISCOVERY_API } from "./servicediscovery/api";
import { MAX_BODY_BYTES, bodyText, header, type HttpRequest, type HttpResponse } from "./protocols/http-message";
import { jsonAnswer, jsonError, jsonServerError, parseJsonBody, readJsonCall, type JsonService, type JsonWire } from "./protocols/json-1-1";
import { queryAnswer, queryError, queryServerError, readQueryCall, type QueryService } from "./protocols/query";
import { matchRoute, readRestCall, restJsonAnswer, restJsonError, restJsonServerError, servesPath, type RestJsonService } from "./protocols/rest-json";
import { accessDeniedError, credentialScope, isReadOperation, signatureError, type AuthProtocol, type SignatureFailure } from "./protocols/sigv4";
import { defaultSandbox, type SandboxDeps } from "./store";
import { liveTailAnswer } from "./live-tail";
import { withState, type Stored } from "./with-state";

// The sandbox's HTTP edge, framework-free: the Next route handlers, the tests' node:http server
// and in-process callers all call these, so the SDK talks to exactly the same code either way.
// Here live what the pure parts must not do: the store, the wall clock, request ids.

/** ECS's X-Amz-Target prefix (`AmazonEC2ContainerServiceV20141113.<Op>`). */
export const TARGET_PREFIX = ECS_API.targetPrefix;

const jsonReply = (stored: Stored, wire?: JsonWire) =>
  "failure" in stored ? jsonServerError(stored.failure, randomUUID(), wire) : jsonAnswer(stored.result, randomUUID(), wire);

/** One call of an awsJson1_1 (or awsJson1_0) service: POST, X-Amz-Target names the operation. */
export async function handleJsonRequest(service: JsonService, req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  const read = readJsonCall(service, { ...req, body: inflated(req) });
  if ("error" in read) return jsonError(read.error, randomUUID(), service.wire);
  if (service === LOGS_API && read.call.op === "StartLiveTail") return liveTailAnswer(read.call, deps);
  return jsonReply(await withState(deps, (state) => service.engine(state, { ...read.call, realNow: deps.now() })), service.wire);
}

/**
 * The body as sent before `Content-Encoding: gzip` (the SDK compresses CloudWatch PutMetricData
 * bodies of 10 KiB or more); a body that does not inflate is passed on as it came, to be refused.
 */
function inflated(req: HttpRequest): HttpRequest["body"] {
  if (typeof req.body === "string" || !/\bgzip\b/i.test(header(req, "content-encoding") ?? "")) return req.body;
  try {
    return new Uint8Array(gunzipSync(req.body, { maxOutputLength: MAX_BODY_BYTES + 1 }));
  } catch {
    return req.body;
  }
}

/** One call of a query service (ELBv2: awsQuery; EC2: ec2Query): a form with Action and Version, answered in XML. */
export async function handleQueryRequest(service: QueryService, req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  const read = readQueryCall(service, req);
  if ("error" in read) return queryError(service, read.error, randomUUID());
  const { call } = read;
  const stored = await withState(deps, (state) => service.engine(state, { ...call, realNow: deps.now() }));
  return "failure" in stored ? queryServerError(service, stored.failure, randomUUID()) : queryAnswer(service, call.op, stored.result, randomUUID());
}

/** The path of a request below the /sandbox/aws endpoint (restJson1 services route on it). */
const pathBelowEndpoint = (req: HttpRequest) => (req.path ?? "/").replace(/^\/sandbox\/aws(?=\/|$)/, "") || "/";

/** One call of a restJson1 service (EventBridge Scheduler): the method and path name the operation. */
export async function handleRestJsonRequest(service: RestJsonService, req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  const read = readRestCall(service, req, pathBelowEndpoint(req), req.query ?? "");
  if ("error" in read) return restJsonError(read.error, randomUUID());
  const stored = await withState(deps, (state) => service.engine(state, { ...read.call, realNow: deps.now() }));
  return "failure" in stored ? restJsonServerError(stored.failure, randomUUID()) : restJsonAnswer(stored.result, randomUUID());
}

/** A service the sandbox serves at /sandbox/aws, with the protocol it speaks. */
export type ServedApi = { protocol: "json"; api: JsonService } | { protocol: "query"; api: QueryService } | { protocol: "rest-json"; api: RestJsonService };

/** Every service at /sandbox/aws, by its name in the SigV4 credential scope. */
export const SERVED_APIS: readonly ServedApi[] = [
  { protocol: "json", api: ECS_API },
  { protocol: "query", api: ELBV2_API },
  { protocol: "query", api: EC2_API },
  { protocol: "query", api: IAM_API },
  { protocol: "json", api: LOGS_API },
  { protocol: "json", api: SERVICE_DISCOVERY_API },
  { protocol: "json", api: APPLICATION_AUTOSCALING_API },
  { protocol: "rest-json", api: SCHEDULER_API },
  { protocol: "json", api: CLOUDWATCH_API },
  { protocol: "query", api: CLOUDWATCH_QUERY_API },
  { protocol: "query", api: AUTOSCALING_API },
  { protocol: "json", api: PRICING_API },
];

/**
 * Of the services signed for one name, the one whose protocol the request speaks: CloudWatch
 * answers both awsJson1_0 (X-Amz-Target, `application/x-amz-json-1.0`) and awsQuery (a form),
 * as AWS routes them by Content-Type and X-Amz-Target.
 */
function byProtocol(candidates: readonly ServedApi[], req: HttpRequest): ServedApi | undefined {
  if (candidates.length < 2) return candidates[0];
  const form = /^application\/x-www-form-urlencoded\b/i.test(header(req, "content-type") ?? "") && !header(req, "x-amz-target");
  return candidates.find((s) => (s.protocol === "query") === form) ?? candidates[0];
}

/**
 * The service a request is for, as local AWS emulators tell: the service of the SigV4
 * credential scope (`Credential=AKID/20250101/eu-west-1/elasticloadbalancing/aws4_request`);
 * for an unsigned request, the X-Amz-Target prefix of a JSON service or the Version of a query
 * form.
 */
export function servedApiFor(req: HttpRequest): ServedApi | undefined {
  const scope = credentialScope(header(req, "authorization"));
  if (scope) return byProtocol(SERVED_APIS.filter((s) => s.api.signingName === scope.service), req);
  const target = header(req, "x-amz-target");
  if (target) return SERVED_APIS.find((s) => s.protocol === "json" && target.startsWith(s.api.targetPrefix));
  const path = pathBelowEndpoint(req);
  if (path !== "/") return SERVED_APIS.find((s) => s.protocol === "rest-json" && servesPath(s.api, path));
  const version = new URLSearchParams(bodyText(req.body)).get("Version");
  return SERVED_APIS.find((s) => s.protocol === "query" && s.api.version === version);
}

/** One call at /sandbox/aws: whichever sandboxed service the request names, in its own protocol. */
export function handleAwsRequest(req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  const served = servedApiFor(req);
  if (served?.protocol === "json") return handleJsonRequest(served.api, req, deps);
  if (served?.protocol === "query") return handleQueryRequest(served.api, req, deps);
  if (served?.protocol === "rest-json") return handleRestJsonRequest(served.api, req, deps);
  const scope = credentialScope(header(req, "authorization"));
  const named = scope ? `'${scope.service}'` : "the service of this request";
  const names = [...new Set(SERVED_APIS.map((s) => s.api.signingName))].join(", ");
  return Promise.resolve(jsonError(new AwsError("UnknownServiceException", `The sandbox does not serve ${named}; it serves ${names}.`), randomUUID()));
}

/** The sandbox's simulated "now" (its clock is stepped, sped up or frozen): what a view of its schedules counts from. */
export async function simulatedNow(deps: SandboxDeps = defaultSandbox()): Promise<number> {
  const state = await deps.store.load();
  return state ? simNow(state.clock, deps.now()) : deps.now();
}

/** One ECS API call (awsJson1_1). */
export function handleEcsRequest(req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  return handleJsonRequest(ECS_API, req, deps);
}

/** The sandbox control API (capacity, faults, clock): a JSON body with an `action`. */
export async function handleControlRequest(req: HttpRequest, deps: SandboxDeps = defaultSandbox()): Promise<HttpResponse> {
  let input: unknown;
  try {
    input = parseJsonBody(req.body, ECS_API.clientErrorType);
  } catch (e) {
    return jsonError(e as AwsError, randomUUID());
  }
  const res = jsonReply(await withState(deps, (state) => handleControl(state, input, deps.now())));
  return { ...res, headers: { ...res.headers, "content-type": "application/json" } };
}

/** Which of the sandbox's endpoints a request came to: ECS alone, every service, or the control API. */
export type SandboxEndpoint = "ecs" | "aws" | "control";

/** What a request at one of the endpoints asks, as far as signing and permissions care. */
export type SandboxCall = {
  /** The protocol its refusals are answered in. */
  protocol: AuthProtocol;
  /** Its service's name in the SigV4 scope ("ecs", "ec2", …; "sandbox" for the control API). */
  service: string;
  /** The operation (X-Amz-Target's, the query's Action, the control API's action), if it names one. */
  operation: string | undefined;
  /** Whether it only reads: Describe…, List…, Get…, and the control API's status. */
  reads: boolean;
};

function controlAction(req: HttpRequest): string | undefined {
  try {
    const input = parseJsonBody(req.body, ECS_API.clientErrorType) as { action?: unknown } | null;
    return typeof input?.action === "string" ? input.action : undefined;
  } catch {
    return undefined;
  }
}

/** The protocol, service and operation of a request at `endpoint`, read the way its handler reads them. */
export function sandboxCall(endpoint: SandboxEndpoint, req: HttpRequest): SandboxCall {
  if (endpoint === "control") {
    const operation = controlAction(req);
    return { protocol: "json", service: "sandbox", operation, reads: operation === "status" };
  }
  const served = endpoint === "ecs" ? ({ protocol: "json", api: ECS_API } as const) : servedApiFor(req);
  let operation: string | undefined;
  if (served?.protocol === "json") {
    const target = header(req, "x-amz-target") ?? "";
    operation = target.startsWith(served.api.targetPrefix) ? target.slice(served.api.targetPrefix.length) : undefined;
  } else if (served?.protocol === "query") {
    operation = new URLSearchParams(bodyText(req.body)).get("Action") ?? undefined;
  } else if (served?.protocol === "rest-json") {
    operation = matchRoute(served.api, req.method ?? "POST", pathBelowEndpoint(req))?.route.op;
  }
  const protocol: AuthProtocol = served?.protocol === "query" ? served.api.dialect : "json";
  return { protocol, service: served?.api.signingName ?? credentialScope(header(req, "authorization"))?.service ?? "ecs", operation, reads: operation !== undefined && isReadOperation(operation) };
}

/** A refused signature (no key, an unknown or revoked one, a wrong secret, a stale date) in the call's own protocol. */
export const signatureRefusal = (call: SandboxCall, failure: SignatureFailure): AwsError => signatureError(call.protocol, failure);

/** A signed call its key's person may not make (a viewer's key, a mutating call), as IAM's denial in the call's own protocol. */
export const accessDenied = (call: SandboxCall, principal: string): AwsError => accessDeniedError(call.protocol, call.operation ?? "(none)", principal, call.service);

/** An authentication or authorisation refusal, answered in the call's own protocol. */
export function refusalAnswer(call: SandboxCall, error: AwsError): HttpResponse {
  const requestId = randomUUID();
  const named = SERVED_APIS.filter((s) => s.api.signingName === call.service);
  const served = named.find((s) => (s.protocol === "query") === (call.protocol !== "json")) ?? named[0];
  if (served?.protocol === "query" && call.protocol !== "json") return queryError(served.api, error, requestId);
  return jsonError(error, requestId, served?.protocol === "json" ? served.api.wire : undefined);
}
