import type { z } from "zod";
import type { handleAwsRequest } from "@/lib/sandbox/http";
import { ROUTE_PERMISSIONS, type RouteKey } from "@/lib/domain/access";
import type { AppContext } from "./context";
import { toErrorResponse } from "./errors";
import { authorizeRequestEnvironment, recordOutcome, requestContext } from "./request-context";
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

/** A route handler in front of one of the sandbox's HTTP handlers (lib/sandbox/http.ts), on the context's sandbox, behind the entry `key`. */
export function sandboxRoute(key: RouteKey, handle: typeof handleAwsRequest) {
  return route(key, async (request: Request, _args: unknown, ctx) => {
    const body = new Uint8Array(await request.arrayBuffer());
    const res = await handle({ headers: request.headers, body }, ctx.sandbox);
    return new Response(res.body, { status: res.status, headers: res.headers });
  });
}
