import type { Person } from "@/lib/domain/access";
import type { AppContext } from "../context";
import { UnauthenticatedError } from "../errors";

/** The signed-in person an operation acts for (the runner has authorised them already). */
export function signedInPerson(ctx: AppContext): Person & { sessionId: string } {
  if (ctx.actor.kind !== "person") throw new UnauthenticatedError();
  return { ...ctx.actor.person, sessionId: ctx.actor.sessionId };
}
