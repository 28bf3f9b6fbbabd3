import type { ErrorBody, ErrorIssue } from "@/lib/server/errors";

/** What every server action returns: never a thrown error across the wire. */
export type ActionIssue = ErrorIssue;
export type ActionResult<T> = { ok: true; data: T } | ErrorBody;
