import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { ACTION_PERMISSIONS, type ActionName } from "@/lib/domain/access";
import type { AppContext } from "@/lib/server/context";
import { toActionFailure, ValidationError } from "@/lib/server/errors";
import { authorizeRequestEnvironment, recordOutcome, requestContext } from "@/lib/server/request-context";
import type { ActionResult } from "./result";

type Options<I, T> = {
  /** Pages whose server-rendered data the change makes stale. */
  revalidate?: (input: I, data: T) => string[];
  /** For actions whose permission names an environment verb: the environment the input names (looked up with `ctx` when the input names it through a record, e.g. an apply). */
  environment?: (input: I, ctx: AppContext) => Promise<string> | string;
};

/**
 * The whole of a server action except the operation: authorise (Next's server actions are
 * public POST endpoints), parse, run, map expected errors to codes the UI can act on, and make
 * sure nothing is ever thrown across the wire. `name` is the action's exported name, its entry
 * in the permission table.
 */
export async function runAction<S extends z.ZodType, T>(
  name: ActionName,
  schema: S,
  raw: unknown,
  run: (args: { ctx: AppContext; input: z.output<S> }) => Promise<T>,
  options: Options<z.output<S>, T> = {},
): Promise<ActionResult<T>> {
  const requirement = ACTION_PERMISSIONS[name];
  let ctx: AppContext;
  try {
    // Who asks comes first: a refused caller learns nothing of what the input should have been.
    ctx = await requestContext(await headers(), name, requirement, { changesState: true });
  } catch (err) {
    return toActionFailure(err);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return toActionFailure(ValidationError.ofRequest(parsed.error));
  let data: T;
  let environmentId: string | undefined;
  try {
    environmentId = await options.environment?.(parsed.data, ctx);
    await authorizeRequestEnvironment(ctx, requirement, environmentId);
    data = await run({ ctx, input: parsed.data });
  } catch (err) {
    await recordOutcome(ctx, requirement, { error: err, environmentId });
    return toActionFailure(err);
  }
  await recordOutcome(ctx, requirement, { input: parsed.data, environmentId });
  for (const path of options.revalidate?.(parsed.data, data) ?? []) {
    // The write has happened; a failed cache purge must not report it as failed.
    try {
      revalidatePath(path);
    } catch (err) {
      console.error(`revalidatePath(${path}) failed`, err);
    }
  }
  return { ok: true, data };
}
