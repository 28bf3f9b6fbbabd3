import { z } from "zod";
import { EnvironmentRoleSchema, GRANT_SUBJECT_KINDS } from "@/lib/domain/access";
import { StartApplyInputSchema } from "../applies/schemas";

/** A group's name as an identity provider or an admin writes it. */
export const GroupNameSchema = z.string().trim().min(1, "A group name is required").max(100).regex(/^[\w .:@/+-]+$/, "Letters, digits, spaces and _ .:@/+-");

export const AddGrantInputSchema = z.discriminatedUnion("subjectKind", [
  z.object({ environmentId: z.uuid(), subjectKind: z.literal(GRANT_SUBJECT_KINDS[0]), subject: z.uuid({ message: "Choose a person" }), role: EnvironmentRoleSchema }),
  z.object({ environmentId: z.uuid(), subjectKind: z.literal(GRANT_SUBJECT_KINDS[1]), subject: GroupNameSchema, role: EnvironmentRoleSchema }),
]);
export type AddGrantInput = z.infer<typeof AddGrantInputSchema>;

export const GrantRefSchema = z.object({ id: z.uuid() });
export type GrantRef = z.infer<typeof GrantRefSchema>;

export const SetGroupsInputSchema = z.object({ personId: z.uuid(), groups: z.array(GroupNameSchema).max(50) });
export type SetGroupsInput = z.infer<typeof SetGroupsInputSchema>;

/** Ask for approval of the plan the person reviewed (same design version, same fingerprint): what a direct apply would take. */
export const RequestApplyInputSchema = StartApplyInputSchema;
export type RequestApplyInput = z.infer<typeof RequestApplyInputSchema>;

export const ApplyRequestRefSchema = z.object({ requestId: z.uuid() });
export type ApplyRequestRef = z.infer<typeof ApplyRequestRefSchema>;

export const RejectApplyInputSchema = z.object({ requestId: z.uuid(), reason: z.string().trim().min(3, "Say why, in a few words").max(500) });
export type RejectApplyInput = z.infer<typeof RejectApplyInputSchema>;

export const ListApplyRequestsInputSchema = z.object({ designId: z.uuid().optional(), status: z.enum(["pending", "all"]).default("pending") });
export type ListApplyRequestsInput = z.infer<typeof ListApplyRequestsInputSchema>;

export const ConfirmPasswordInputSchema = z.object({ password: z.string().min(1, "Your password").max(128) });
export type ConfirmPasswordInput = z.infer<typeof ConfirmPasswordInputSchema>;
