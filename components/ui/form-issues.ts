import type { ActionResult } from "@/lib/actions/result";

/** A failed action's issues by the form field they are about (the first of each). */
export function issuesByField(r: ActionResult<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!r.ok) for (const i of r.issues ?? []) out[i.path.split(".")[0] || "(form)"] ??= i.message;
  return out;
}
