import type { Db } from "@/lib/db";
import type { Person, Role } from "@/lib/domain/access";
import { createAppContext } from "@/lib/server/context";
import { createAccessKey } from "@/lib/server/people";
import { createPerson } from "./sign-in";

export type KeyedPerson = { person: Person; credentials: { accessKeyId: string; secretAccessKey: string } };

/** A new person of `role` with a sandbox access key of their own, made as their profile page makes it. */
export async function personWithKey(db: Db, role: Role): Promise<KeyedPerson> {
  const person = await createPerson(db, role);
  return { person, credentials: await keyFor(db, person) };
}

/** Another key for `person`, as they would create it on their profile page. */
export async function keyFor(db: Db, person: Person): Promise<KeyedPerson["credentials"]> {
  const ctx = await createAppContext({ db, actor: { kind: "person", person, sessionId: "" } });
  const { accessKeyId, secretAccessKey } = await createAccessKey({ ctx });
  return { accessKeyId, secretAccessKey };
}
