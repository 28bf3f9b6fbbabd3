import type { Role } from "@/lib/domain/access";

export type PersonView = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Per-environment grants may name them. */
  groups: string[];
  createdAt: string;
  /** When one of their sessions was last used; null when none is open. */
  lastActiveAt: string | null;
  openSessions: number;
};

export type InviteView = { id: string; email: string; role: Role; invitedBy: string | null; createdAt: string; expiresAt: string };

/** An invitation just made: the only time its link exists outside the admin's browser. */
export type NewInvite = InviteView & { token: string };

export type SessionView = { id: string; createdAt: string; lastActiveAt: string; expiresAt: string; ipAddress: string | null; userAgent: string | null; current: boolean };

/** One of the person's sandbox access keys, as the profile page lists it (never its secret). */
export type AccessKeyView = { accessKeyId: string; createdAt: string; lastUsedAt: string | null };
/** A key just created: the one time its secret is shown. */
export type NewAccessKey = AccessKeyView & { secretAccessKey: string };
