import type { Db } from "@/lib/db";
import { recordAudit } from "../audit";
import type { AppContext } from "../context";
import { NotFoundError, ValidationError } from "../errors";
import { sealSecret } from "../environments/secret-box";
import { toView } from "./provider-record";
import type { SaveSsoProviderInput, SsoProviderRef } from "./schemas";
import type { SsoButton, SsoProviderView } from "./types";

/** Every configured provider, for the admin's settings page (no secrets). */
export async function listSsoProviders({ ctx }: { ctx: AppContext }): Promise<SsoProviderView[]> {
  const rows = await ctx.db.ssoProvider.findMany({ orderBy: { id: "asc" } });
  return rows.map(toView);
}

/** The sign-in page's buttons: the enabled providers. */
export async function ssoButtons(db: Db): Promise<SsoButton[]> {
  const rows = await db.ssoProvider.findMany({ where: { enabled: true }, orderBy: { label: "asc" }, select: { id: true, label: true } });
  return rows;
}

/**
 * Creates a provider, or changes the one with this id. A new provider needs its client secret;
 * an edit that leaves it empty keeps the stored one. The secret is sealed at rest and the audit
 * row records only whether it changed.
 */
export async function saveSsoProvider({ ctx, input }: { ctx: AppContext; input: SaveSsoProviderInput }): Promise<SsoProviderView> {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.ssoProvider.findUnique({ where: { id: input.id } });
    if (!existing && !input.clientSecret) {
      throw new ValidationError([{ path: "clientSecret", message: "A new provider needs the client secret the identity provider issued" }], "The client secret is required.");
    }
    const groupRoles = Object.fromEntries(input.groupRoles.map((r) => [r.group, r.role]));
    const data = {
      label: input.label, issuer: input.issuer, clientId: input.clientId, scopes: input.scopes, groupsClaim: input.groupsClaim,
      groupRoles, defaultRole: input.defaultRole, enabled: input.enabled, updatedAt: now,
      ...(input.clientSecret ? { clientSecretSealed: sealSecret(input.clientSecret) } : {}),
    };
    const row = existing
      ? await tx.ssoProvider.update({ where: { id: input.id }, data })
      : await tx.ssoProvider.create({ data: { id: input.id, ...data, clientSecretSealed: sealSecret(input.clientSecret ?? ""), createdAt: now } });
    const view = toView(row);
    const { updatedAt: _u, ...after } = view;
    await recordAudit(tx, ctx, {
      target: { type: "sso-provider", id: row.id },
      before: existing ? (({ updatedAt: _x, ...b }) => b)(toView(existing)) : undefined,
      after: { ...after, clientSecretChanged: Boolean(input.clientSecret) },
    });
    return view;
  });
}

/** Removes a provider: its button goes; people it created stay, and sign in by another way or not at all. */
export async function deleteSsoProvider({ ctx, input }: { ctx: AppContext; input: SsoProviderRef }): Promise<{ id: string }> {
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.ssoProvider.findUnique({ where: { id: input.id } });
    if (!existing) throw new NotFoundError(`No single sign-on provider ${input.id}`);
    await tx.ssoProvider.delete({ where: { id: input.id } });
    const { updatedAt: _u, ...before } = toView(existing);
    await recordAudit(tx, ctx, { target: { type: "sso-provider", id: input.id }, before });
    return { id: input.id };
  });
}
