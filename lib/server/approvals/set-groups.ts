import type { Person } from "@/lib/domain/access";
import { recordAudit } from "../audit";
import { toPerson } from "../auth/person-record";
import type { AppContext } from "../context";
import { findPerson } from "../people/change-role";
import type { SetGroupsInput } from "./schemas";

/**
 * An admin sets the groups a person is in (single sign-on sets them from the identity provider
 * at each sign-in). Group grants read them on the person's next request; sessions stay.
 */
export async function setGroups({ ctx, input }: { ctx: AppContext; input: SetGroupsInput }): Promise<Person> {
  const groups = [...new Set(input.groups.map((g) => g.trim()).filter(Boolean))].sort();
  return ctx.db.$transaction(async (tx) => {
    const person = await findPerson(tx, { personId: input.personId });
    const updated = await tx.user.update({ where: { id: person.id }, data: { groups } });
    await recordAudit(tx, ctx, { target: { type: "person", id: person.id }, before: { groups: person.groups }, after: { groups } });
    return toPerson(updated);
  });
}
