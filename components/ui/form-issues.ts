import type { ActionResult } from "@/lib/actions/result";

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
