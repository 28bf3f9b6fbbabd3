import { z } from "zod";
import { RoleSchema } from "@/lib/domain/access";

/** A provider's id: the last segment of its callback URL (/api/auth/callback/<id>), so a slug. */
export const SsoProviderIdSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Lowercase letters, digits and dashes (at most 40), such as okta");

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const SaveSsoProviderInputSchema = z.object({
  id: SsoProviderIdSchema,
  label: z.string().trim().min(1, "The button's label is required").max(100),
  issuer: z.url({ protocol: /^https?$/, message: "The issuer's URL, such as https://example.okta.com" }).transform((u) => u.replace(/\/+$/, "")),
  clientId: z.string().trim().min(1, "The client id is required").max(500),
  /** Left empty when editing: keeps the stored one. */
  clientSecret: z.preprocess(blank, z.string().min(1).max(2000).optional()),
  scopes: z.array(z.string().trim().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, "A scope name has no spaces or quotes")).max(30).default(["openid", "email", "profile"]),
  groupsClaim: z.string().trim().min(1).max(100).default("groups"),
  groupRoles: z.array(z.object({ group: z.string().trim().min(1, "A group name is required").max(200), role: RoleSchema })).max(200).default([])
    .refine((rows) => new Set(rows.map((r) => r.group)).size === rows.length, "Each group is mapped once"),
  /** The role of a person in none of the mapped groups; null refuses them. */
  defaultRole: z.preprocess(blank, RoleSchema.nullable().optional()).transform((r) => r ?? null),
  enabled: z.boolean().default(true),
});
export type SaveSsoProviderInput = z.infer<typeof SaveSsoProviderInputSchema>;

export const SsoProviderRefSchema = z.object({ id: SsoProviderIdSchema });
export type SsoProviderRef = z.infer<typeof SsoProviderRefSchema>;
