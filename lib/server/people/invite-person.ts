import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";
import { hashToken, newToken } from "../auth/tokens";
import { signedInPerson } from "./person-of";
import type { InvitePersonInput } from "./schemas";
import type { NewInvite } from "./types";

export const INVITE_DAYS = 7;

/**
 * An invitation for one email address and role. The link's token is returned once and only its
 * hash is stored; a newer invitation for the same address replaces an unused older one.
 */
export async function invitePerson({ ctx, input }: { ctx: AppContext; input: InvitePersonInput }): Promise<NewInvite> {
  const admin = signedInPerson(ctx);
  const token = newToken();
  const now = ctx.clock.now();
  const row = await ctx.db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError([{ path: "email", message: `${input.email} already has an account` }], `${input.email} already has an account.`);
    }
    await tx.invitation.deleteMany({ where: { email: input.email, acceptedAt: null } });
    const created = await tx.invitation.create({
      data: { email: input.email, role: input.role, tokenHash: hashToken(token), invitedById: admin.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000) },
    });
    await recordAudit(tx, ctx, { target: { type: "invitation", id: created.id }, after: { email: created.email, role: created.role, expiresAt: created.expiresAt } });
    return created;
  });
  return {
    id: row.id, email: row.email, role: input.role, invitedBy: admin.name, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), token,
  };
}
