import type { ActionIssue, ActionResult } from "@/lib/actions/result";
import { MAX_DESIGN_NAME_LENGTH } from "@/lib/domain/design/limits";

/** Field errors keyed by the issue path's first segment (`name`, `description`, …). */
export function fieldErrors(issues: ActionIssue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const key = issue.path.split(/[.[]/)[0] || "(form)";
    out[key] ??= issue.message;
  }
  return out;
}

/** A thrown action (network down, server crashed) becomes the same shape as a returned failure. */
export async function runAction<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch (err) {
    return { ok: false, code: "INTERNAL", message: err instanceof Error ? err.message : "The request failed. Try again." };
  }
}

export function validateDesignName(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return "Give the design a name.";
  if (trimmed.length > MAX_DESIGN_NAME_LENGTH) return `Keep the name to ${MAX_DESIGN_NAME_LENGTH} characters or fewer.`;
  return undefined;
}
