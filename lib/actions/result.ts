/** What every server action returns: never a thrown error across the wire. */
export type ActionErrorCode = "VALIDATION" | "NOT_FOUND" | "CONFLICT" | "TOO_LARGE" | "INTERNAL";
export type ActionIssue = { path: string; message: string };
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; message: string; issues?: ActionIssue[] };
