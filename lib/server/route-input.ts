import type { z } from "zod";
import { NotFoundError, ValidationError } from "./errors";

// The one way a route handler reads its input: the path parameters and the query values,
// parsed together with one zod schema. A malformed id names nothing that can exist, so it is
// answered like a missing one (404 NOT_FOUND); any other value that does not fit is a 422
// VALIDATION naming its field. Nothing reaches an operation (or PostgreSQL) unparsed.

export type RouteParams = Record<string, string | string[] | undefined>;

/** Query values as an object: empty ones left out, the last of a repeated one kept. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries([...new URL(req.url).searchParams.entries()].filter(([, v]) => v !== ""));
}

export type RouteInput<S extends z.ZodType> = {
  schema: S;
  /** Fields that identify a stored record: when one of them does not fit, the answer is 404 … */
  ids?: readonly string[];
  /** … with this message, given the raw values (e.g. `Design nope does not exist`). */
  notFound?: (raw: Record<string, unknown>) => string;
};

/** Path parameters and query values parsed with `spec.schema`; throws NotFoundError or ValidationError. Path parameters win over a query value of the same name. */
export async function readRouteInput<S extends z.ZodType>(spec: RouteInput<S>, req: Request, context?: { params: Promise<RouteParams> }): Promise<z.output<S>> {
  const params = context ? await context.params : {};
  const raw: Record<string, unknown> = { ...queryOf(req), ...params };
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const ids = spec.ids ?? [];
  if (parsed.error.issues.some((i) => ids.includes(String(i.path[0])))) {
    throw new NotFoundError(spec.notFound?.(raw) ?? "Not found");
  }
  throw ValidationError.ofRequest(parsed.error);
}
