import type { Role } from "@/lib/domain/access";

/** A provider as an admin's browser sees it: everything but the client secret. */
export type SsoProviderView = {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  scopes: string[];
  groupsClaim: string;
  groupRoles: { group: string; role: Role }[];
  defaultRole: Role | null;
  enabled: boolean;
  /** The redirect URL to register at the identity provider, relative to this server's origin. */
  callbackPath: string;
  updatedAt: string;
};

/** What the sign-in page shows: one button per enabled provider. */
export type SsoButton = { id: string; label: string };
