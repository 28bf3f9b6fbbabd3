import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { createAppContext, type AppContext } from "@/lib/server/context";
import { toActionFailure, ValidationError } from "@/lib/server/errors";
import type { ActionResult } from "./result";

type Options<I, T> = {
  /** Pages whose server-rendered data the change makes stale. */
  revalidate?: (input: I, data: T) => string[];
};

/**
 * The whole of a server action except the operation: parse, run, map expected errors to
 * codes the UI can act on, and make sure nothing is ever thrown across the wire.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  run: (args: { ctx: AppContext; input: z.output<S> }) => Promise<T>,
  options: Options<z.output<S>, T> = {},
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return toActionFailure(ValidationError.ofRequest(parsed.error));
  let data: T;
  try {
    data = await run({ ctx: await createAppContext(), input: parsed.data });
  } catch (err) {
    return toActionFailure(err);
  }
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
