import { z } from "zod";
import { RoleSchema } from "@/lib/domain/access";
import { EmailSchema, PasswordSchema, PersonIdSchema, PersonNameSchema } from "../auth/schemas";

export const InvitePersonInputSchema = z.object({ email: EmailSchema, role: RoleSchema });
export type InvitePersonInput = z.infer<typeof InvitePersonInputSchema>;

export const InviteRefSchema = z.object({ id: z.uuid({ message: "Not an invitation's id" }) });
export type InviteRef = z.infer<typeof InviteRefSchema>;

/** The token from an invite link (base64url, as issued). */
export const InviteTokenSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, "Not an invite link's token");

export const AcceptInviteInputSchema = z.object({ token: InviteTokenSchema, name: PersonNameSchema, password: PasswordSchema });
export type AcceptInviteInput = z.infer<typeof AcceptInviteInputSchema>;

export const ChangeRoleInputSchema = z.object({ personId: PersonIdSchema, role: RoleSchema });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInputSchema>;

export const PersonRefSchema = z.object({ personId: PersonIdSchema });
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const SessionRefSchema = z.object({ sessionId: z.uuid({ message: "Not a session's id" }) });
export type SessionRef = z.infer<typeof SessionRefSchema>;

/** A sandbox access key's id, as issued: AKIA and 16 of [A-Z2-7]. */
export const AccessKeyRefSchema = z.object({ accessKeyId: z.string().trim().regex(/^AKIA[A-Z2-7]{16}$/, "Not an access key id") });
export type AccessKeyRef = z.infer<typeof AccessKeyRefSchema>;

/** Creating a key takes nothing but the signed-in person. */
export const CreateAccessKeyInputSchema = z.object({}).strict();
