import type { ActionResult } from "@/lib/actions/result";

/** What a form or button says when its action got no answer (the server is down, the network failed). */
export const UNREACHABLE = "The server could not be reached. Try again.";

/** A failed action's issues by the form field they are about (the first of each). */
export function issuesByField(r: ActionResult<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!r.ok) for (const i of r.issues ?? []) out[i.path.split(".")[0] || "(form)"] ??= i.message;
  return out;
}

/** What a form shows of a failed action: its issues under their fields, and its message only when it names no field. */
export function formFailure(r: Extract<ActionResult<unknown>, { ok: false }>): { errors: Record<string, string>; message?: string } {
  const errors = issuesByField(r);
  return { errors, message: Object.keys(errors).length ? undefined : r.message };
}

/**
 * Calls a form's action and shows what went wrong: the issues under their fields (`setErrors`)
 * and the message when it names no field, or that the server could not be reached
 * (`setFailure`). A success clears the fields' errors and returns its data; a failure, undefined.
 */
export async function submitAction<T>(
  call: () => Promise<ActionResult<T>>, setErrors: (errors: Record<string, string>) => void, setFailure: (message: string | undefined) => void,
): Promise<{ data: T } | undefined> {
  const r = await call().catch(() => undefined);
  if (!r) {
    setFailure(UNREACHABLE);
    return undefined;
  }
  if (!r.ok) {
    const failed = formFailure(r);
    setErrors(failed.errors);
    setFailure(failed.message);
    return undefined;
  }
  setErrors({});
  return { data: r.data };
}
