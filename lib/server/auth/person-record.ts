import type { Db, DbTransaction } from "@/lib/db";
import type { Person, Role } from "@/lib/domain/access";
import { RoleSchema } from "@/lib/domain/access";
import { ValidationError } from "../errors";
import { authFor } from "./better-auth";
import type { NewPerson } from "./schemas";

/** better-auth's own hasher (scrypt), so sign-in verifies what we store. */
export async function hashPassword(db: Db, password: string): Promise<string> {
  const context = await authFor(db, new Headers()).$context;
  return context.password.hash(password);
}

/**
 * A person and their email-and-password account, as better-auth stores them ("credential"
 * account whose accountId is the user's id), inside the caller's transaction.
 */
export async function insertPerson(tx: DbTransaction, p: Omit<NewPerson, "password"> & { passwordHash: string; role: Role }): Promise<Person> {
  if (await tx.user.findUnique({ where: { email: p.email }, select: { id: true } })) {
    throw new ValidationError([{ path: "email", message: `${p.email} already has an account` }], `${p.email} already has an account.`);
  }
  const user = await tx.user.create({ data: { name: p.name, email: p.email, role: p.role } });
  await tx.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password: p.passwordHash } });
  return toPerson(user);
}

export function toPerson(user: { id: string; email: string; name: string; role: string; groups?: string[] | null }): Person {
  return { id: user.id, email: user.email, name: user.name, role: RoleSchema.parse(user.role), groups: user.groups ?? [] };
}
