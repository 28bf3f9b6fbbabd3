import type { Actor } from "./actor";
import type { Requirement } from "./permissions";
import { hasRole, withArticle, type Role } from "./roles";

export type Refusal = { code: "UNAUTHENTICATED" | "FORBIDDEN"; message: string };
/** `undefined` allows; a refusal says why, in words the person can act on. */
export type Decision = Refusal | undefined;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function needsRole(actor: Actor, role: Role, does: string): Decision {
  if (actor.kind === "anonymous") return { code: "UNAUTHENTICATED", message: `Sign in first: ${does} needs a signed-in ${role}.` };
  // Work the server starts itself never arrives as a request; nothing should authorise it as one.
  if (actor.kind === "system") return { code: "FORBIDDEN", message: `${cap(does)} is done by people; "${actor.name}" is the server itself.` };
  const { role: mine } = actor.person;
  if (hasRole(mine, role)) return undefined;
  return { code: "FORBIDDEN", message: `${cap(does)} needs the ${role} role; you are ${withArticle(mine)}. Ask an admin to change your role.` };
}

/** The global part of a requirement: sign-in and role. */
export function decide(actor: Actor, requirement: Requirement): Decision {
  if (requirement.who === "anyone") return undefined;
  return needsRole(actor, requirement.who, requirement.does);
}
