import type { Db, DbTransaction } from "@/lib/db";
import { ROLES, RoleSchema, type GroupRoles, type Role } from "@/lib/domain/access";
import { openSecret } from "../environments/secret-box";
import type { SsoProviderView } from "./types";

type Row = {
  id: string; label: string; issuer: string; clientId: string; clientSecretSealed: string; scopes: string[];
  groupsClaim: string; groupRoles: unknown; defaultRole: string | null; enabled: boolean; updatedAt: Date;
};

/** A provider as the server uses it at sign-in: the client secret opened. Never sent to a browser. */
export type SsoProviderConfig = {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  groupsClaim: string;
  groupRoles: GroupRoles;
  defaultRole: Role | null;
  /** Changes whenever an admin saves the provider: better-auth is configured again. */
  version: string;
};

export const callbackPath = (id: string) => `/api/auth/callback/${id}`;

function groupRolesOf(json: unknown): Record<string, Role> {
  const out: Record<string, Role> = {};
  if (typeof json !== "object" || json === null) return out;
  for (const [group, role] of Object.entries(json)) {
    const parsed = RoleSchema.safeParse(role);
    if (parsed.success) out[group] = parsed.data;
  }
  return out;
}

export function toView(row: Row): SsoProviderView {
  return {
    id: row.id, label: row.label, issuer: row.issuer, clientId: row.clientId, hasClientSecret: row.clientSecretSealed !== "",
    scopes: row.scopes, groupsClaim: row.groupsClaim,
    // The highest role first, then by name (a JSON object keeps no order of its own).
    groupRoles: Object.entries(groupRolesOf(row.groupRoles)).map(([group, role]) => ({ group, role }))
      .sort((a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role) || a.group.localeCompare(b.group)),
    defaultRole: row.defaultRole === null ? null : RoleSchema.parse(row.defaultRole), enabled: row.enabled,
    callbackPath: callbackPath(row.id), updatedAt: row.updatedAt.toISOString(),
  };
}

/** The enabled providers, secrets opened, for configuring better-auth. */
export async function enabledSsoProviders(db: Db | DbTransaction): Promise<SsoProviderConfig[]> {
  const rows = await db.ssoProvider.findMany({ where: { enabled: true }, orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id, label: r.label, issuer: r.issuer, clientId: r.clientId, clientSecret: openSecret(r.clientSecretSealed),
    scopes: r.scopes, groupsClaim: r.groupsClaim, groupRoles: groupRolesOf(r.groupRoles),
    defaultRole: r.defaultRole === null ? null : RoleSchema.parse(r.defaultRole), version: `${r.id}@${r.updatedAt.getTime()}`,
  }));
}
