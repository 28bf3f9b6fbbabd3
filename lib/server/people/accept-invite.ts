import type { Person } from "@/lib/domain/access";
import { RoleSchema } from "@/lib/domain/access";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { hashPassword, insertPerson } from "../auth/person-record";
import { hashToken } from "../auth/tokens";
import type { AcceptInviteInput } from "./schemas";

export const INVITE_NOT_VALID = "This invite link does not work: it was used or withdrawn, or it expired. Ask an admin for a new one.";

/** What an invite link offers, for its page: nothing at all for a link that does not work. */
export async function getInvite({ ctx, input }: { ctx: AppContext; input: { token: string } }): Promise<{ email: string; role: Person["role"]; expiresAt: string }> {
  const row = await ctx.db.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!row || row.acceptedAt || row.expiresAt <= ctx.clock.now()) throw new NotFoundError(INVITE_NOT_VALID);
  return { email: row.email, role: RoleSchema.parse(row.role), expiresAt: row.expiresAt.toISOString() };
}

/** Creates the invited person with their password; the invitation is used up in the same transaction. */
export async function acceptInvite({ ctx, input }: { ctx: AppContext; input: AcceptInviteInput }): Promise<Person> {
  const passwordHash = await hashPassword(ctx.db, input.password);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { tokenHash: hashToken(input.token) } });
    if (!row) throw new NotFoundError(INVITE_NOT_VALID);
    // Conditional on still being unused, so two tabs racing with one link make one account.
    const claimed = await tx.invitation.updateMany({ where: { id: row.id, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw new NotFoundError(INVITE_NOT_VALID);
    const person = await insertPerson(tx, { name: input.name, email: row.email, passwordHash, role: RoleSchema.parse(row.role) });
    await tx.invitation.update({ where: { id: row.id }, data: { acceptedBy: person.id } });
    // Done by the newcomer: the row names them, not the nobody who opened the link.
    await recordAudit(tx, { ...ctx, actor: { kind: "person", person, sessionId: "" } }, {
      target: { type: "person", id: person.id }, after: { email: person.email, name: person.name, role: person.role, invitation: row.id },
    });
    return person;
  });
}
