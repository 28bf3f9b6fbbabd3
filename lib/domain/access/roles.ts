import { z } from "zod";

/**
 * Stevedore's global roles, each including the ones before it: a viewer reads designs, the
 * monitor and Learn; an editor also creates and changes designs and plans and applies them to the
 * built-in sandbox; an admin also manages people and environments.
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_SUMMARIES: Record<Role, string> = {
  viewer: "Reads designs, the monitor and Learn.",
  editor: "Also creates and changes designs, and plans and applies them to the built-in sandbox.",
  admin: "Also invites and removes people, changes roles and manages environments.",
};

/** Whether `role` includes `required` (admin ⊇ editor ⊇ viewer). */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** "a viewer", "an editor", "an admin". */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
