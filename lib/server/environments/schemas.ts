import { z } from "zod";

// Forms send "" for a field left empty; the model wants it absent.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());

export const EnvironmentKindSchema = z.enum(["sandbox", "aws"]);
export type EnvironmentKind = z.infer<typeof EnvironmentKindSchema>;

export const RegionSchema = z.string().trim().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "A Region such as eu-west-1");
export const RoleArnSchema = z.string().trim().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "An IAM role ARN such as arn:aws:iam::123456789012:role/deploy");
// STS AssumeRole: 2–1224 characters of [\w+=,.@:/-].
export const ExternalIdSchema = z.string().trim().regex(/^[\w+=,.@:/-]{2,1224}$/, "2–1224 letters, digits or +=,.@:/-");

const fields = {
  name: z.string().trim().min(1, "A name is required").max(100),
  kind: EnvironmentKindSchema,
  region: RegionSchema,
  profile: optional(z.string().trim().max(128).regex(/^[\w.+@-]+$/, "A profile name of the shared config files")),
  roleArn: optional(RoleArnSchema),
  externalId: optional(ExternalIdSchema),
  endpoint: optional(z.url({ protocol: /^https?$/, message: "An http(s) URL of an ECS API" })),
  readOnly: z.boolean().default(false),
  // Left out: not protected, one approval, valid an hour (the operations fill these in).
  protected: z.boolean().optional(),
  requiredApprovals: z.coerce.number().int().min(1, "At least 1").max(10, "At most 10").optional(),
  approvalExpiryMinutes: z.coerce.number().int().min(5, "At least 5 minutes").max(7 * 24 * 60, "At most a week").optional(),
};

type Fields = { kind: EnvironmentKind; profile?: string; roleArn?: string; externalId?: string; endpoint?: string };
function sandboxTakesNoAwsSettings(v: Fields, ctx: z.core.$RefinementCtx) {
  if (v.kind !== "sandbox") return;
  for (const key of ["profile", "roleArn", "externalId", "endpoint"] as const) {
    if (v[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: "The sandbox takes no AWS connection settings" });
  }
}

export const CreateEnvironmentInputSchema = z.object(fields).superRefine(sandboxTakesNoAwsSettings);
export type CreateEnvironmentInput = z.infer<typeof CreateEnvironmentInputSchema>;

/** `externalId` absent keeps the stored one (the browser never sees it); `clearExternalId` removes it. */
export const UpdateEnvironmentInputSchema = z
  .object({ id: z.uuid(), ...fields, clearExternalId: z.boolean().default(false) })
  .superRefine(sandboxTakesNoAwsSettings);
export type UpdateEnvironmentInput = z.infer<typeof UpdateEnvironmentInputSchema>;

export const EnvironmentRefSchema = z.object({ id: z.uuid() });
export type EnvironmentRef = z.infer<typeof EnvironmentRefSchema>;
