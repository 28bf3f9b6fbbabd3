import { XMLBuilder } from "fast-xml-parser";
import { z } from "zod";
import type { Call, Engine, EngineResult } from "../core/engine";
import { AwsError } from "../core/errors";
import { constraintOf, parseOr } from "../core/input";
import { setOwn } from "../core/maps";
import { MAX_BODY_BYTES, bodyExceeds, bodyText, header, type HttpRequest, type HttpResponse } from "./http-message";
import { regionOf } from "./sigv4";

// The AWS query protocols: a form-encoded POST (`Action=<Op>&Version=<date>&…`) answered in XML.
// Two dialects, as the SDK's AwsQueryProtocol and AwsEc2QueryProtocol speak them:
//
//                 awsQuery (ELBv2, IAM, …)                 ec2Query (EC2)
// lists in        `Names.member.1=a` (empty: `Names=`)      `VpcId.1=a`, `Filter.1.Value.1=b`
// maps in         `Attrs.entry.1.key=k&…entry.1.value=v`    (none)
// answer          <OpResponse xmlns><OpResult>…</OpResult>   <OpResponse xmlns><requestId/>…
//                 <ResponseMetadata><RequestId/>…            (no Result wrapper)
// list members    <member>                                 <item>
// error           <ErrorResponse><Error><Type>Sender</Type>  <Response><Errors><Error><Code/>
//                 <Code/><Message/></Error><RequestId/>      <Message/></Error></Errors><RequestID/>
//
// The SDK finds the error by <Code> (ELBv2's modelled errors by their awsQueryError code, e.g.
// DuplicateLoadBalancerName; EC2 has none modelled, so its error's name is the code itself,
// e.g. InvalidVpcID.NotFound). Answers are built from plain objects whose keys are the element
// names (ELBv2: `LoadBalancerArn`; EC2: `vpcId`, `subnetSet`); arrays become lists of the
// dialect's member element. Pure: the edge (../http.ts) brings the state, clock and request ids.

export type QueryDialect = "awsQuery" | "ec2Query";

/** A service spoken over a query protocol: its name in the credential scope, its API version, the engine. */
export type QueryService = {
  /** Its name in the SigV4 credential scope ("elasticloadbalancing", "ec2"). */
  signingName: string;
  /** The API version every request names (`Version=2015-12-01`). */
  version: string;
  xmlNamespace: string;
  dialect: QueryDialect;
  /** The code it answers a request it cannot read with (ELBv2: ValidationError). */
  clientErrorType: string;
  engine: Engine;
  /** awsQuery operations that have no output: their answer holds no `<OpResult>` (CloudWatch's PutMetricAlarm). */
  resultless?: readonly string[];
};

/** A call as read off the wire; the edge adds its clock (`realNow`). */
export type QueryCall = Omit<Call, "realNow">;

/** What a query request carries: strings, lists and structures of them. */
export type QueryValue = string | QueryValue[] | { [member: string]: QueryValue };
type Node = string | { [k: string]: Node };

/** A node of the tree being built: no prototype, so a parameter named `__proto__` is just a name. */
const node = (): Record<string, Node> => Object.create(null);

const INDEX = /^[1-9]\d*$/;

/** The form's flat `A.member.1.B=x` parameters as nested values (`{ A: [{ B: "x" }] }`). */
export function parseQueryParams(params: Iterable<[string, string]>): Record<string, QueryValue> {
  const root = node();
  for (const [key, value] of params) {
    const path = key.split(".");
    let at: Record<string, Node> = root;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i];
      const next = at[seg];
      // `Names=` (an empty list) followed by members of the same list: the members win.
      if (next === undefined || next === "") at[seg] = node();
      else if (typeof next === "string") throw new TypeError(`Parameter ${path.slice(0, i + 1).join(".")} is both a value and a structure.`);
      at = at[seg] as Record<string, Node>;
    }
    const last = path[path.length - 1];
    if (typeof at[last] === "object") {
      if (value !== "") throw new TypeError(`Parameter ${key} is both a value and a structure.`);
      continue;
    }
    at[last] = value;
  }
  return normalise(root) as Record<string, QueryValue>;
}

function normalise(tree: Node): QueryValue {
  if (typeof tree === "string") return tree;
  const keys = Object.keys(tree);
  const out: Record<string, QueryValue> = {};
  for (const k of keys) setOwn(out, k, normalise(tree[k]));
  if (keys.length > 0 && keys.every((k) => INDEX.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => out[k]);
  }
  if (keys.length === 1 && keys[0] === "member" && Array.isArray(out.member)) return out.member;
  if (keys.length === 1 && keys[0] === "entry" && Array.isArray(out.entry)) {
    const map: Record<string, QueryValue> = {};
    for (const e of out.entry) {
      if (e && typeof e === "object" && !Array.isArray(e) && typeof e.key === "string") setOwn(map, e.key, e.value ?? "");
    }
    return map;
  }
  return out;
}

/** The operation (Action), region (SigV4 scope) and input (the other parameters, nested) of a request. */
export function readQueryCall(service: QueryService, req: HttpRequest): { call: QueryCall } | { error: AwsError } {
  if (bodyExceeds(req.body, MAX_BODY_BYTES)) return { error: new AwsError(service.clientErrorType, "Request body is larger than 1 MiB.", 413) };
  const form = new URLSearchParams(bodyText(req.body));
  const action = form.get("Action");
  const version = form.get("Version");
  if (!action) return { error: new AwsError("MissingAction", "The request is missing an action or a required parameter.") };
  if (version !== service.version) {
    return { error: new AwsError("InvalidAction", `Could not find operation ${action} for version ${version ?? "(none)"}.`) };
  }
  form.delete("Action");
  form.delete("Version");
  let input: Record<string, QueryValue>;
  try {
    input = parseQueryParams(form);
  } catch (e) {
    return { error: new AwsError(service.clientErrorType, (e as Error).message) };
  }
  return { call: { op: action, region: regionOf(header(req, "authorization")), input } };
}

/** The error a query service answers an Action it does not have with. */
export const invalidAction = (op: string) => new AwsError("InvalidAction", `The action ${op} is not valid for this web service.`);

// Answers.

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false, processEntities: true });

const memberOf = (dialect: QueryDialect) => (dialect === "ec2Query" ? "item" : "member");

/** An answer object as the builder's tree: lists become member elements, booleans and numbers text. */
function tree(value: unknown, member: string): unknown {
  if (Array.isArray(value)) return value.length ? { [member]: value.map((v) => tree(v, member)) } : "";
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = tree(v, member);
    return out;
  }
  return String(value);
}

function xml(status: number, root: string, body: Record<string, unknown>, requestId: string, member: string): HttpResponse {
  return {
    status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: tree(body, member) })}`,
  };
}

export function queryError(service: QueryService, e: AwsError, requestId: string): HttpResponse {
  const member = memberOf(service.dialect);
  if (service.dialect === "ec2Query") {
    return xml(e.status, "Response", { Errors: { Error: { Code: e.type, Message: e.message } }, RequestID: requestId }, requestId, member);
  }
  const error = { Type: e.status >= 500 ? "Receiver" : "Sender", Code: e.type, Message: e.message };
  return xml(e.status, "ErrorResponse", { "@_xmlns": service.xmlNamespace, Error: error, RequestId: requestId }, requestId, member);
}

/** The answer to `op`: its output (200) or its error. */
export function queryAnswer(service: QueryService, op: string, result: Pick<EngineResult, "output" | "error">, requestId: string): HttpResponse {
  if (result.error) return queryError(service, result.error, requestId);
  const output = (result.output ?? {}) as Record<string, unknown>;
  const body = service.dialect === "ec2Query"
    ? { "@_xmlns": service.xmlNamespace, requestId, ...output }
    : { "@_xmlns": service.xmlNamespace, ...(service.resultless?.includes(op) ? {} : { [`${op}Result`]: output }), ResponseMetadata: { RequestId: requestId } };
  return xml(200, `${op}Response`, body, requestId, memberOf(service.dialect));
}

/** A failure of the sandbox itself (its store): a 5xx, which every SDK retries. */
export function queryServerError(service: QueryService, message: string, requestId: string): HttpResponse {
  return queryError(service, new AwsError(service.dialect === "ec2Query" ? "InternalError" : "InternalFailure", message, 500), requestId);
}

// Input shapes: every value arrives as text, so the services' zod schemas read it with these.

/** A list: members `Name.member.N` / `Name.N`, or `Name=` for an empty one; `min`/`max` members. */
export const queryList = <T extends z.ZodType>(item: T, size: { min?: number; max?: number } = {}) =>
  z.preprocess((v) => (v === "" ? [] : v), z.array(item).min(size.min ?? 0).max(size.max ?? Number.MAX_SAFE_INTEGER));

/** An integer sent as its decimal text. */
export const queryInt = () => z.preprocess((v) => (typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v), z.number().int());

/** A boolean sent as `true` / `false`. */
export const queryBool = () => z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());

/** Query timestamps are ISO 8601 (the sandbox keeps epoch milliseconds). */
export const isoTime = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** `Tags.1.Key` as awsQuery services name it in messages: `tags.1.member.key`. */
function memberPath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `${p + 1}.member` : String(p).charAt(0).toLowerCase() + String(p).slice(1))).join(".");
}

/**
 * An awsQuery service's input (ELBv2, IAM) parsed with zod; a malformed member answers
 * ValidationError in AWS's words: "1 validation error detected: Value 'x' at
 * 'healthCheckIntervalSeconds' failed to satisfy constraint: …".
 */
export function parseQueryInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => {
    const value = issue.input === undefined || typeof issue.input === "object" ? "" : `Value '${String(issue.input)}' `;
    return new AwsError("ValidationError", `1 validation error detected: ${value}at '${memberPath(issue.path)}' failed to satisfy constraint: ${constraintOf(issue)}`);
  });
}
