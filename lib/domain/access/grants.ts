import { z } from "zod";
import type { Person } from "./actor";
import type { EnvironmentVerb } from "./permissions";

/**
 * Per-environment roles, given to a person or a group on one environment: a planner plans
 * against it, a deployer also applies to it, an approver approves other people's applies to it
 * (when it is protected). They add to the global role and never replace it: planning and
 * applying still need an editor, approving a signed-in person.
 */
export const ENVIRONMENT_ROLES = ["planner", "deployer", "approver"] as const;
export const EnvironmentRoleSchema = z.enum(ENVIRONMENT_ROLES);
export type EnvironmentRole = z.infer<typeof EnvironmentRoleSchema>;

export const GRANT_SUBJECT_KINDS = ["person", "group"] as const;
export type GrantSubjectKind = (typeof GRANT_SUBJECT_KINDS)[number];

/** One grant: `subject` is a person's id or a group's name. */
export type Grant = { subjectKind: GrantSubjectKind; subject: string; role: EnvironmentRole };

export const ENVIRONMENT_ROLE_SUMMARIES: Record<EnvironmentRole, string> = {
  planner: "Plans against this environment.",
  deployer: "Plans and applies to this environment (asks for approval when it is protected).",
  approver: "Approves or rejects other people's applies to this environment.",
};

/** What each per-environment role lets its holder do. */
const VERBS: Record<EnvironmentRole, readonly EnvironmentVerb[]> = {
  planner: ["plan"],
  deployer: ["plan", "apply"],
  approver: ["approve"],
};

/** The per-environment roles a person holds: grants naming them, or a group they are in. */
export function rolesHeld(person: Pick<Person, "id" | "groups">, grants: readonly Grant[]): EnvironmentRole[] {
  const held = new Set<EnvironmentRole>();
  for (const g of grants) {
    if (g.subjectKind === "person" ? g.subject === person.id : person.groups.includes(g.subject)) held.add(g.role);
  }
  return ENVIRONMENT_ROLES.filter((r) => held.has(r));
}

/** Whether the roles held allow the verb. */
export const rolesAllow = (roles: readonly EnvironmentRole[], verb: EnvironmentVerb) => roles.some((r) => VERBS[r].includes(verb));

/** The per-environment role that a verb needs at least (named in a refusal). */
export const roleFor = (verb: EnvironmentVerb): EnvironmentRole => (verb === "plan" ? "planner" : verb === "apply" ? "deployer" : "approver");
