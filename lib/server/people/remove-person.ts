import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { assertNotLastAdmin, findPerson } from "./change-role";
import type { PersonRef } from "./schemas";

/** Removes a person: their sessions and sign-in accounts go with them (cascade). */
export async function removePerson({ ctx, input }: { ctx: AppContext; input: PersonRef }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const person = await findPerson(tx, input);
    if (person.role === "admin") await assertNotLastAdmin(tx, person.id, `Removing ${person.name}`);
    await tx.user.delete({ where: { id: person.id } });
    await recordAudit(tx, ctx, { target: { type: "person", id: person.id }, before: person });
    return { id: person.id };
  });
}
