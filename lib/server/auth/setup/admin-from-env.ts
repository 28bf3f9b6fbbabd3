import type { Db } from "@/lib/db";
import type { Person } from "@/lib/domain/access";
import { systemActor } from "@/lib/domain/access";
import { recordAudit } from "../../audit";
import type { Clock } from "../../context";
import { hashPassword, insertPerson } from "../person-record";
import { NewPersonSchema } from "../schemas";
import { closeSetup, setupOpen } from "./setup-token";

/** The variables start-up reads (process.env, or a test's own). */
export type Env = Record<string, string | undefined>;

export type AdminFromEnv =
  | { outcome: "not-configured" }
  | { outcome: "admin-exists" }
  | { outcome: "created"; admin: Person }
  | { outcome: "invalid"; problems: string[] };

/**
 * Headless installs: STEVEDORE_ADMIN_EMAIL and STEVEDORE_ADMIN_PASSWORD (and optionally
 * STEVEDORE_ADMIN_NAME) create the first admin at start-up if there is none. Once any admin
 * exists they do nothing, so a changed password in the environment never overrides the stored one.
 */
export async function adminFromEnv(db: Db, clock: Clock, env: Env): Promise<AdminFromEnv> {
  const email = env.STEVEDORE_ADMIN_EMAIL;
  const password = env.STEVEDORE_ADMIN_PASSWORD;
  if (!email && !password) return { outcome: "not-configured" };
  if (!(await setupOpen(db))) return { outcome: "admin-exists" };
  const parsed = NewPersonSchema.safeParse({ email, password, name: env.STEVEDORE_ADMIN_NAME || email?.split("@")[0] || "" });
  if (!parsed.success) {
    const names: Record<string, string> = { email: "STEVEDORE_ADMIN_EMAIL", password: "STEVEDORE_ADMIN_PASSWORD", name: "STEVEDORE_ADMIN_NAME" };
    return { outcome: "invalid", problems: parsed.error.issues.map((i) => `${names[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`) };
  }
  const passwordHash = await hashPassword(db, parsed.data.password);
  return db.$transaction(async (tx): Promise<AdminFromEnv> => {
    // Another instance may have created one since we looked.
    if (!(await setupOpen(tx))) return { outcome: "admin-exists" };
    const admin = await insertPerson(tx, { ...parsed.data, passwordHash, role: "admin" });
    await closeSetup(tx, clock, admin.id);
    await recordAudit(tx, { actor: systemActor("start-up"), clock }, {
      action: "completeSetupAction", target: { type: "person", id: admin.id }, after: { email: admin.email, name: admin.name, role: admin.role, setup: "STEVEDORE_ADMIN_EMAIL" },
    });
    return { outcome: "created", admin };
  });
}
