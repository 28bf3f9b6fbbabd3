import { z } from "zod";
import type { Person } from "@/lib/domain/access";
import { recordAudit } from "../../audit";
import type { AppContext } from "../../context";
import { NotFoundError, ValidationError } from "../../errors";
import { hashPassword, insertPerson } from "../person-record";
import { NewPersonSchema } from "../schemas";
import { closeSetup, removeSetupTokenFile, setupOpen } from "./setup-token";

export const CompleteSetupInputSchema = NewPersonSchema.extend({
  token: z.string().trim().min(1, "Enter the setup token from the server's log").max(200),
});
export type CompleteSetupInput = z.infer<typeof CompleteSetupInputSchema>;

export const SETUP_FINISHED = "Setup is finished: an admin exists. Sign in instead.";

/**
 * Creates the first admin with the one-time setup token. The admin and the closing of setup
 * commit together, so a second attempt (even with the same token, even at the same moment)
 * finds setup finished and creates nobody.
 */
export async function completeSetup({ ctx, input }: { ctx: AppContext; input: CompleteSetupInput }): Promise<Person> {
  if (!(await setupOpen(ctx.db))) throw new NotFoundError(SETUP_FINISHED);
  const passwordHash = await hashPassword(ctx.db, input.password);
  const admin = await ctx.db.$transaction(async (tx) => {
    if (!(await setupOpen(tx))) throw new NotFoundError(SETUP_FINISHED);
    const person = await insertPerson(tx, { name: input.name, email: input.email, passwordHash, role: "admin" });
    if (!(await closeSetup(tx, ctx.clock, person.id, input.token))) {
      throw new ValidationError([{ path: "token", message: "This is not the setup token the server printed at its last start" }], "The setup token is not valid.");
    }
    await recordAudit(tx, { ...ctx, actor: { kind: "person", person, sessionId: "" } }, {
      action: "completeSetupAction", target: { type: "person", id: person.id }, after: { email: person.email, name: person.name, role: person.role, setup: "token" },
    });
    return person;
  });
  await removeSetupTokenFile();
  return admin;
}
