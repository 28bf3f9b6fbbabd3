import { decide, decideEnvironment, type Actor, type Decision, type EnvironmentVerb, type Requirement } from "@/lib/domain/access";
import type { AppContext } from "../context";
import { grantsOf } from "../approvals/grants";
import { loadEnvironmentRow } from "../environments/environment-record";
import { ForbiddenError, UnauthenticatedError } from "../errors";

function enforce(decision: Decision): void {
  if (!decision) return;
  throw decision.code === "UNAUTHENTICATED" ? new UnauthenticatedError(decision.message) : new ForbiddenError(decision.message);
}

/** Throws UnauthenticatedError (401) or ForbiddenError (403) unless the actor meets the requirement. */
export function authorize(actor: Actor, requirement: Requirement): void {
  enforce(decide(actor, requirement));
}

/** The environment part of a requirement: may this actor plan or apply to that environment? */
export async function authorizeEnvironment(ctx: AppContext, environmentId: string, verb: EnvironmentVerb): Promise<void> {
  const row = await loadEnvironmentRow(ctx, environmentId);
  // Any sandbox-kind environment is the built-in sandbox (another Region of it, maybe read-only).
  enforce(decideEnvironment(ctx.actor, verb, { sandbox: row.kind === "sandbox", name: row.name, grants: await grantsOf(ctx.db, row.id) }));
}
