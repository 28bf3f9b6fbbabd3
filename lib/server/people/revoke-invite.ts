import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { InviteRef } from "./schemas";

/** Withdraws an unused invitation: its link stops working. */
export async function revokeInvite({ ctx, input }: { ctx: AppContext; input: InviteRef }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.invitation.findFirst({ where: { id: input.id, acceptedAt: null } });
    const { count } = await tx.invitation.deleteMany({ where: { id: input.id, acceptedAt: null } });
    if (!row || count === 0) throw new NotFoundError("No such invitation (it may have been used or withdrawn already).");
    await recordAudit(tx, ctx, { target: { type: "invitation", id: row.id }, before: { email: row.email, role: row.role } });
    return { id: input.id };
  });
}
