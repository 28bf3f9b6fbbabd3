import { RoleSchema } from "@/lib/domain/access";
import type { AppContext } from "../context";
import type { InviteView, PersonView } from "./types";

/** Everyone who can sign in, by name, with when they were last active. */
export async function listPeople({ ctx }: { ctx: AppContext }): Promise<PersonView[]> {
  const now = ctx.clock.now();
  const users = await ctx.db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    include: { sessions: { where: { expiresAt: { gt: now } }, select: { updatedAt: true } } },
  });
  return users.map((u) => {
    const last = u.sessions.reduce<Date | null>((max, s) => (!max || s.updatedAt > max ? s.updatedAt : max), null);
    return {
      id: u.id, name: u.name, email: u.email, role: RoleSchema.parse(u.role), groups: u.groups, createdAt: u.createdAt.toISOString(),
      lastActiveAt: last?.toISOString() ?? null, openSessions: u.sessions.length,
    };
  });
}

/** Invitations not yet used and not expired, newest first. */
export async function listInvites({ ctx }: { ctx: AppContext }): Promise<InviteView[]> {
  const rows = await ctx.db.invitation.findMany({
    where: { acceptedAt: null, expiresAt: { gt: ctx.clock.now() } },
    orderBy: { createdAt: "desc" },
    include: { invitedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, email: r.email, role: RoleSchema.parse(r.role), invitedBy: r.invitedBy?.name ?? null,
    createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(),
  }));
}
