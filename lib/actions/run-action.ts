import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { zodIssues } from "@/lib/domain/design";
import { createAppContext, type AppContext } from "@/lib/server/context";
import { ConflictError, NotFoundError, TooLargeError, ValidationError } from "@/lib/server/errors";
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
  if (!parsed.success) {
    return { ok: false, code: "VALIDATION", message: "The request is not valid", issues: zodIssues(parsed.error) };
  }
  let data: T;
  try {
    data = await run({ ctx: await createAppContext(), input: parsed.data });
  } catch (err) {
    return toFailure(err);
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

export function toFailure(err: unknown): ActionResult<never> {
  if (err instanceof ValidationError) return { ok: false, code: "VALIDATION", message: err.message, issues: err.issues };
  if (err instanceof NotFoundError) return { ok: false, code: "NOT_FOUND", message: err.message };
  if (err instanceof TooLargeError) return { ok: false, code: "TOO_LARGE", message: err.message };
  if (err instanceof ConflictError) {
    return {
      ok: false,
      code: "CONFLICT",
      message: err.message,
      issues: [{ path: "expectedVersion", message: `The stored version is ${err.currentVersion}` }],
    };
  }
  // Details of unexpected failures (SQL, stack traces) stay in the server log.
  console.error("Server action failed", err);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on the server. Please try again." };
}
