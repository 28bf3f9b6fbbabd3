import type { Person } from "./actor";

/** One approver's decision on an apply request; an approval counts until `expiresAt`. */
export type ApprovalVote = { approverId: string; decision: "approve" | "reject"; decidedAt: Date; expiresAt: Date };

export type ApprovalTally = {
  /** Approvals that count now: by someone other than the requester, not expired. */
  valid: number;
  /** Approvals given that have expired since. */
  expired: number;
  /** How many the environment asks for. */
  needed: number;
  /** Whether the valid approvals are enough to apply. */
  enough: boolean;
};

/**
 * Where an apply request stands. The requester's own vote never counts (it is refused when cast,
 * and left out here again), and an approval counts only until it expires.
 */
export function approvalTally(votes: readonly ApprovalVote[], opts: { required: number; requesterId: string; now: Date }): ApprovalTally {
  const approvals = votes.filter((v) => v.decision === "approve" && v.approverId !== opts.requesterId);
  const valid = approvals.filter((v) => v.expiresAt.getTime() > opts.now.getTime()).length;
  const needed = Math.max(1, opts.required);
  return { valid, expired: approvals.length - valid, needed, enough: valid >= needed };
}

/**
 * Whether this person may approve or reject this request now (their grant is checked before);
 * a refusal, in words, or undefined. Nobody approves their own request, a request is decided on
 * only while it is pending, and one person's approval counts once (an expired one may be renewed).
 */
export function decideApproval(
  person: Pick<Person, "id">, request: { requestedBy: string; status: string }, votes: readonly ApprovalVote[], now: Date,
): string | undefined {
  if (request.status !== "pending") return `This request is ${request.status}: there is nothing left to approve.`;
  if (person.id === request.requestedBy) return "You asked for this apply: someone else must approve it.";
  const mine = votes.find((v) => v.approverId === person.id);
  if (mine && mine.decision === "approve" && mine.expiresAt.getTime() > now.getTime()) return "You have approved this request already.";
  return undefined;
}

/** Applying to a protected environment needs a sign-in (or a password confirmed) this recently. */
export const FRESH_SIGN_IN_MINUTES = 10;

/** Whether a person who last proved who they are at `authenticatedAt` counts as freshly signed in at `now`. */
export function isFreshSignIn(authenticatedAt: Date, now: Date, minutes = FRESH_SIGN_IN_MINUTES): boolean {
  const age = now.getTime() - authenticatedAt.getTime();
  return age >= -60_000 && age <= minutes * 60_000;
}
