import { ROLES, type Role } from "./roles";

/**
 * Single sign-on's part of access: which role the identity provider's groups give a person.
 * Every group of the mapping the person is in counts and the highest role wins; with none, the
 * provider's default role, or no access at all when it has none.
 */
export type GroupRoles = Readonly<Record<string, Role>>;

export type SsoDecision = { role: Role; matched: readonly string[] } | { role: null; matched: readonly [] };

export function roleFromGroups(groups: readonly string[], mapping: GroupRoles, defaultRole: Role | null): SsoDecision {
  const matched = groups.filter((g) => Object.hasOwn(mapping, g));
  if (matched.length === 0) return defaultRole ? { role: defaultRole, matched: [] } : { role: null, matched: [] };
  const best = Math.max(...matched.map((g) => ROLES.indexOf(mapping[g])));
  return { role: ROLES[best], matched };
}

/**
 * The groups claim as the person's groups: identity providers send an array of names (Okta,
 * Keycloak, Entra ID), some a single string or a space- or comma-separated list. Anything else
 * is no groups. Trimmed, de-duplicated, at most 200 of at most 200 characters each.
 */
export function groupsFromClaim(claim: unknown): string[] {
  const raw = Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  const names = raw.filter((g): g is string => typeof g === "string").map((g) => g.trim()).filter((g) => g.length > 0 && g.length <= 200);
  return [...new Set(names)].slice(0, 200);
}
