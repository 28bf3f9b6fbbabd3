import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { signedInPerson } from "./person-of";
import type { SessionRef } from "./schemas";
import type { SessionView } from "./types";

/** The signed-in person's own open sessions (browsers), the current one first. */
export async function listMySessions({ ctx }: { ctx: AppContext }): Promise<SessionView[]> {
  const me = signedInPerson(ctx);
  const rows = await ctx.db.session.findMany({ where: { userId: me.id, expiresAt: { gt: ctx.clock.now() } }, orderBy: { updatedAt: "desc" } });
  return rows
    .map((s) => ({
      id: s.id, createdAt: s.createdAt.toISOString(), lastActiveAt: s.updatedAt.toISOString(), expiresAt: s.expiresAt.toISOString(),
      ipAddress: s.ipAddress, userAgent: s.userAgent, current: s.id === me.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Signs out one of the person's own sessions. Another person's session id is answered exactly
 * like one that does not exist: nothing changes and nothing about it is told.
 */
export async function revokeSession({ ctx, input }: { ctx: AppContext; input: SessionRef }): Promise<{ id: string }> {
  const me = signedInPerson(ctx);
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: input.sessionId, userId: me.id } });
    if (count === 0) throw new NotFoundError("No such session.");
    await recordAudit(tx, ctx, { target: { type: "session", id: input.sessionId } });
    return { id: input.sessionId };
  });
}
