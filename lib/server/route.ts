import type { z } from "zod";
import { getDb } from "@/lib/db";
import { decide, hasRole, ROUTE_PERMISSIONS, type RouteKey } from "@/lib/domain/access";
import { accessDenied, refusalAnswer, sandboxCall, signatureRefusal, type handleAwsRequest, type SandboxEndpoint } from "@/lib/sandbox/http";
import { recordAudit } from "./audit";
import { accessKeyActor, hasSigV4 } from "./auth/access-key-actor";
import { createAppContext, type AppContext } from "./context";
import { toErrorResponse, UnavailableError } from "./errors";
import { authorizeRequestEnvironment, recordOutcome, requestContext, requestInfo } from "./request-context";
import { readRouteInput, type RouteInput, type RouteParams } from "./route-input";

type Handler<A> = (req: Request, args: A, ctx: AppContext) => Promise<Response>;
type Options<A> = {
  /** For entries with an environment verb: which environment the request names. */
  environment?: (req: Request, args: A) => Promise<string> | string;
};

/**
 * The one door of a route handler: the signed-in person and the permission entry `key` first
 * (401/403 before any input is read), then `read` (the input: 404/422), then the environment the
 * input names, then `handle`. Whatever is thrown answers through the error table; the outcome
 * goes on record as the entry says.
 */
function guarded<A, I>(
  key: RouteKey,
  read: (req: Request, args: A) => Promise<I>,
  environment: ((req: Request, input: I) => Promise<string> | string) | undefined,
  handle: (req: Request, input: I, ctx: AppContext) => Promise<Response>,
) {
  const requirement = ROUTE_PERMISSIONS[key];
  const method = key.slice(0, key.indexOf(" "));
  const changesState = method !== "GET" && method !== "HEAD";
  // A GET changes nothing: its successes are not on record (its refusals are).
  const recorded = changesState ? requirement : { ...requirement, record: false as const };
  const wrapped = async (req: Request, args: A): Promise<Response> => {
    let ctx: AppContext | undefined;
    try {
      ctx = await requestContext(req.headers, key, requirement, { changesState });
      const input = await read(req, args);
      await authorizeRequestEnvironment(ctx, requirement, environment ? await environment(req, input) : undefined);
      const res = await handle(req, input, ctx);
      if (res.ok) await recordOutcome(ctx, recorded, {});
      return res;
    } catch (err) {
      if (ctx) await recordOutcome(ctx, recorded, { error: err });
      return toErrorResponse(err);
    }
  };
  return Object.assign(wrapped, { permission: key });
}

/**
 * A route handler behind the permission table: `export const GET = route("GET /api/x", handler)`.
 * The handler runs only for a request its entry allows, with the signed-in person in
 * `ctx.actor`; whatever it throws answers through the error table. `permission` names the entry,
 * so the permission test can tell every handler is wired to its own. A handler that reads path
 * parameters or query values uses `inputRoute` instead.
 */
export function route<A = unknown>(key: RouteKey, handler: Handler<A>, options: Options<A> = {}) {
  const env = options.environment;
  return guarded<A, A>(key, async (_req, args) => args, env ? (req, args) => env(req, args) : undefined, handler);
}

/**
 * `route` with its input parsed the one way (lib/server/route-input.ts): after the permission
 * entry allows the request, the path parameters and query values are parsed with `spec`
 * (404 for a malformed id, 422 naming the field otherwise) and `answer` gets them.
 * `environment` names the environment the parsed input points at, for entries with an
 * environment verb.
 */
export function inputRoute<S extends z.ZodType>(
  key: RouteKey,
  spec: RouteInput<S> & { environment?: (input: z.output<S>) => string },
  answer: (input: z.output<S>, ctx: AppContext, req: Request) => Promise<Response>,
) {
  const env = spec.environment;
  return guarded<{ params: Promise<RouteParams> }, z.output<S>>(
    key,
    (req, context) => readRouteInput(spec, req, context),
    env ? (_req, input) => env(input) : undefined,
    (req, input, ctx) => answer(input, ctx, req),
  );
}

type SandboxHandler = typeof handleAwsRequest;
// A streamed answer (StartLiveTail's event stream) goes out as it comes; Next cancels it when the client leaves.
const toResponse = (res: Awaited<ReturnType<SandboxHandler>>) => new Response(res.stream ?? res.body, { status: res.status, headers: res.headers });

/**
 * A request signed with a personal sandbox access key, at one of the sandbox's endpoints: the
 * signature is checked (lib/sandbox/signature.ts) against the key's secret, the key's person is
 * the actor with their current role, a call that is not a read needs an editor, and every
 * refusal is answered the way AWS answers it in the call's protocol (an SDK throws AWS's own
 * exception). Refusals and mutating calls go on record as the key's person (or nobody).
 */
async function keyedSandboxCall(key: RouteKey, endpoint: SandboxEndpoint, request: Request, handle: SandboxHandler): Promise<Response> {
  const url = new URL(request.url);
  const body = new Uint8Array(await request.arrayBuffer());
  const arrived = { method: request.method, path: url.pathname, query: url.search.replace(/^\?/, ""), headers: request.headers, body };
  const call = sandboxCall(endpoint, arrived);
  const db = await getDb().catch((err) => {
    console.error("Opening the database failed", err);
    throw new UnavailableError("The database is not available");
  });
  const info = requestInfo(request.headers, key);
  const signed = await accessKeyActor(db, arrived, new Date());
  const operation = call.operation ?? "(none)";
  const onRecord = { action: key, after: { service: call.service, operation } };
  if (!signed.ok) {
    const error = signatureRefusal(call, signed.failure);
    await recordAudit(db, await createAppContext({ db, request: info }), { ...onRecord, outcome: "denied", reason: `${error.type}: ${error.message}` });
    return toResponse(refusalAnswer(call, error));
  }
  const ctx = await createAppContext({ db, actor: signed.actor, request: info });
  const requirement = ROUTE_PERMISSIONS[key];
  // Reads need the entry's role; anything else at least an editor.
  const need = requirement.who === "anyone" || call.reads || hasRole(requirement.who, "editor") ? requirement : { ...requirement, who: "editor" as const };
  if (decide(ctx.actor, need)) {
    const { person } = signed.actor;
    const error = accessDenied(call, `arn:aws:iam::000000000000:user/${person.email}`);
    await recordAudit(db, ctx, { ...onRecord, outcome: "denied", reason: `${person.role} key: ${call.service}:${operation} needs the editor role` });
    return toResponse(refusalAnswer(call, error));
  }
  await signed.markUsed();
  const res = await handle(arrived, ctx.sandbox);
  if (!call.reads && res.status < 400) await recordAudit(db, ctx, { ...onRecord, target: { type: "sandbox", id: `${call.service}:${operation}` } });
  return toResponse(res);
}

/**
 * A route handler in front of one of the sandbox's HTTP handlers (lib/sandbox/http.ts), on the
 * context's sandbox, behind the entry `key`. An entry whose credential is an access key takes
 * only SigV4-signed requests; `session-or-access-key` (the control API) takes a signed request
 * the same way and anything else through the session cookie, as `route` does.
 */
export function sandboxRoute(key: RouteKey, endpoint: SandboxEndpoint, handle: SandboxHandler) {
  const requirement = ROUTE_PERMISSIONS[key];
  const credential = requirement.who === "anyone" ? undefined : requirement.credential;
  const viaSession = route(key, async (request: Request, _args: unknown, ctx) => {
    const body = new Uint8Array(await request.arrayBuffer());
    const url = new URL(request.url);
    return toResponse(await handle({ method: request.method, path: url.pathname, query: url.search.replace(/^\?/, ""), headers: request.headers, body }, ctx.sandbox));
  });
  const handler = async (request: Request, args: unknown): Promise<Response> => {
    if (credential === "access-key" || (credential === "session-or-access-key" && hasSigV4(request.headers))) {
      try {
        return await keyedSandboxCall(key, endpoint, request, handle);
      } catch (err) {
        return toErrorResponse(err);
      }
    }
    return viaSession(request, args);
  };
  return Object.assign(handler, { permission: key });
}
