import type { Actor } from "./actor";
import type { Decision } from "./decide";
import { roleFor, rolesAllow, rolesHeld, type Grant } from "./grants";
import type { EnvironmentVerb } from "./permissions";
import { hasRole } from "./roles";

/** What the environment a request names decides about it. */
export type EnvironmentFacts = {
  /** A sandbox-kind environment (the built-in sandbox, or another Region of it). */
  sandbox: boolean;
  name: string;
  /** Every grant on the environment. */
  grants: readonly Grant[];
};

const DOES: Record<EnvironmentVerb, string> = { plan: "Planning against", apply: "Applying to", approve: "Approving applies to" };

/**
 * Who may plan, apply to, or approve applies to an environment. Default deny: only grants
 * (planner, deployer, approver; to the person or a group of theirs) allow, for admins too (they
 * manage the grants, and may grant themselves). The one exception: a sandbox-kind environment is
 * open to every editor for plan and apply; approving there needs a grant as well. Whether an
 * environment is protected or read-only is decided by the apply itself, not here.
 */
export function decideEnvironment(actor: Actor, verb: EnvironmentVerb, env: EnvironmentFacts): Decision {
  const does = `${DOES[verb]} "${env.name}"`;
  if (actor.kind === "anonymous") return { code: "UNAUTHENTICATED", message: `Sign in first: ${does.toLowerCase()} needs a grant on it.` };
  if (actor.kind === "system") return { code: "FORBIDDEN", message: `${does} is done by people; "${actor.name}" is the server itself.` };
  const { person } = actor;
  if (env.sandbox && verb !== "approve" && hasRole(person.role, "editor")) return undefined;
  if (rolesAllow(rolesHeld(person, env.grants), verb)) return undefined;
  const ask = person.role === "admin" ? "Admins give grants on the Environments page, to themselves too." : "Ask an admin for one.";
  return { code: "FORBIDDEN", message: `${does} needs the ${roleFor(verb)} grant on it (for you or a group of yours); you have none. ${ask}` };
}
