import type { DbTransaction } from "@/lib/db";
import type { Person } from "@/lib/domain/access";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError, RefusedError } from "../errors";
import { toPerson } from "../auth/person-record";
import type { ChangeRoleInput, PersonRef } from "./schemas";

/** Someone must always be able to manage people: the last admin can be neither demoted nor removed. */
export async function assertNotLastAdmin(tx: DbTransaction, personId: string, doing: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", id: { not: personId } } });
  if (others === 0) throw new RefusedError(`${doing} would leave nobody to manage people: make someone else an admin first.`);
}

export async function findPerson(tx: DbTransaction, ref: PersonRef): Promise<Person> {
  const user = await tx.user.findUnique({ where: { id: ref.personId } });
  if (!user) throw new NotFoundError(`Person ${ref.personId} does not exist`);
  return toPerson(user);
}

/**
 * Gives a person another role. Their sessions end in the same transaction: whatever they had
 * open was granted under the old role, so they sign in again under the new one.
 */
export async function changeRole({ ctx, input }: { ctx: AppContext; input: ChangeRoleInput }): Promise<Person> {
  return ctx.db.$transaction(async (tx) => {
    const person = await findPerson(tx, input);
    if (person.role === input.role) return person;
    if (person.role === "admin") await assertNotLastAdmin(tx, person.id, `Making ${person.name} ${input.role === "editor" ? "an" : "a"} ${input.role}`);
    const updated = await tx.user.update({ where: { id: person.id }, data: { role: input.role } });
    const { count } = await tx.session.deleteMany({ where: { userId: person.id } });
    await recordAudit(tx, ctx, { target: { type: "person", id: person.id }, before: { role: person.role }, after: { role: input.role, sessionsEnded: count } });
    return toPerson(updated);
  });
}
