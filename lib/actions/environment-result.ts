import type { z } from "zod";
import type { AppContext } from "@/lib/server/context";
import { isEnvironmentOperationError } from "@/lib/server/environments";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

/** ActionResult plus the refusals environments and applies add (read-only, ECS said no, plan changed). */
export type EnvActionResult<T> = ActionResult<T> | { ok: false; code: "READ_ONLY" | "ECS" | "PLAN_CHANGED" | "REFUSED"; message: string };

type Outcome<T> = { value: T } | { refused: { code: "READ_ONLY" | "ECS" | "PLAN_CHANGED" | "REFUSED"; message: string } };

/** runAction, with the environment errors mapped to their own codes instead of INTERNAL. */
export async function runEnvAction<S extends z.ZodType, T>(
  schema: S, raw: unknown, run: (args: { ctx: AppContext; input: z.output<S> }) => Promise<T>,
  options: { revalidate?: (input: z.output<S>, data: T) => string[] } = {},
): Promise<EnvActionResult<T>> {
  const r = await runAction(schema, raw, async (args): Promise<Outcome<T>> => {
    try {
      return { value: await run(args) };
    } catch (err) {
      if (isEnvironmentOperationError(err)) return { refused: { code: err.code, message: err.message } };
      throw err;
    }
  }, { revalidate: (input, out) => ("value" in out ? options.revalidate?.(input, out.value) ?? [] : []) });
  if (!r.ok) return r;
  return "value" in r.data ? { ok: true, data: r.data.value } : { ok: false, ...r.data.refused };
}
