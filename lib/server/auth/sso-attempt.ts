import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "@/lib/domain/access";
import { groupsFromClaim, roleFromGroups } from "@/lib/domain/access";
import type { SsoProviderConfig } from "../sso/provider-record";

// One single sign-on callback, from better-auth's hooks to the request that runs it: the role and
// groups the identity provider's claims give (or why they give none), the person and session it
// signed in. handleAuthRequest runs better-auth's handler inside `runSsoAttempt`.

export type SsoAttempt = {
  providerId: string;
  email?: string;
  groups?: string[];
  /** The mapped role; null: the groups give no access. */
  role?: Role | null;
  refusal?: string;
  /** A returning person the groups no longer let in: their open sessions end. */
  refusedUserId?: string;
  created?: boolean;
  userId?: string;
  sessionId?: string;
};

const attempts = new AsyncLocalStorage<SsoAttempt>();

export const runSsoAttempt = <T>(attempt: SsoAttempt, run: () => Promise<T>): Promise<T> => attempts.run(attempt, run);
export const currentSsoAttempt = (): SsoAttempt | undefined => attempts.getStore();

export const NO_ACCESS = "no_access";
export const noAccessMessage = (label: string) =>
  `Your ${label} groups give you no access to Stevedore. Ask an admin to map one of your groups to a role.`;

/**
 * better-auth's `user.validateUserInfo` for SSO: runs before a person is created, linked or
 * signed in again, with the provider's fresh claims. Refuses a person whose groups map to no role.
 */
export function validateSsoUser(providers: readonly SsoProviderConfig[]) {
  return (data: { user: { id?: string; email?: string | null }; source: { method: string; action?: string; oauth?: { providerId: string; profile?: Record<string, unknown> } } }) => {
    if (data.source.method !== "oauth") return undefined;
    const providerId = data.source.oauth?.providerId ?? "";
    const provider = providers.find((p) => p.id === providerId);
    const attempt = currentSsoAttempt();
    if (!provider || !attempt || attempt.providerId !== providerId) return { error: "provider_not_found", errorDescription: "This single sign-on provider is not enabled." };
    const groups = groupsFromClaim(data.source.oauth?.profile?.[provider.groupsClaim]);
    const decision = roleFromGroups(groups, provider.groupRoles, provider.defaultRole);
    attempt.email = data.user.email?.toLowerCase() ?? undefined;
    attempt.groups = groups;
    attempt.role = decision.role;
    if (decision.role === null) {
      attempt.refusal = groups.length ? `no mapped group among ${groups.join(", ")}` : "no groups in the claim";
      if (data.source.action === "sign-in" && data.user.id) attempt.refusedUserId = data.user.id;
      return { error: NO_ACCESS, errorDescription: noAccessMessage(provider.label) };
    }
    return undefined;
  };
}
