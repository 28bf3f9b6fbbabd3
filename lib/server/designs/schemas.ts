import { z } from "zod";
import { MAX_DESIGN_NAME_LENGTH } from "@/lib/domain/design/limits";

// Input shapes of the design operations. Pure (zod only), so forms on the client can reuse them.
// The document itself is `unknown` here: its size and shape are checked by the operation with
// parseDesign, which names the offending fields and upgrades older schema versions.


export const DesignIdSchema = z.uuid({ message: "Not a valid design id" });
export const DesignNameSchema = z.string().trim().min(1, "A name is required").max(MAX_DESIGN_NAME_LENGTH, `Names are at most ${MAX_DESIGN_NAME_LENGTH} characters`);
export const DescriptionSchema = z.string().trim().max(2000, "Descriptions are at most 2,000 characters");
export const VersionSchema = z.number().int().positive();

export const DesignRefSchema = z.object({ id: DesignIdSchema });
export type DesignRef = z.infer<typeof DesignRefSchema>;

export const CreateDesignInputSchema = z.object({
  name: DesignNameSchema,
  description: DescriptionSchema.optional(),
  document: z.unknown().optional(),
});
export type CreateDesignInput = z.infer<typeof CreateDesignInputSchema>;

export const SaveDesignInputSchema = z.object({
  id: DesignIdSchema,
  expectedVersion: VersionSchema,
  document: z.unknown(),
  name: DesignNameSchema.optional(),
});
export type SaveDesignInput = z.infer<typeof SaveDesignInputSchema>;

export const RenameDesignInputSchema = z.object({
  id: DesignIdSchema,
  name: DesignNameSchema,
  description: DescriptionSchema.optional(),
});
export type RenameDesignInput = z.infer<typeof RenameDesignInputSchema>;

export const DuplicateDesignInputSchema = z.object({ id: DesignIdSchema, name: DesignNameSchema.optional() });
export type DuplicateDesignInput = z.infer<typeof DuplicateDesignInputSchema>;

export const RevisionRefSchema = z.object({ id: DesignIdSchema, version: VersionSchema });
export type RevisionRef = z.infer<typeof RevisionRefSchema>;

export const RestoreRevisionInputSchema = z.object({
  id: DesignIdSchema,
  version: VersionSchema,
  expectedVersion: VersionSchema,
});
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInputSchema>;

export const ImportDesignInputSchema = z.object({
  name: DesignNameSchema.optional(),
  text: z.string(),
  fileName: z.string().max(255).optional(),
});
export type ImportDesignInput = z.infer<typeof ImportDesignInputSchema>;

/**
 * "Use this image" from the image lab: one container's `image`, as ECS takes it (up to 255
 * letters, digits, hyphens, underscores, colons, periods, slashes and number signs, plus `@` for
 * a digest: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html).
 */
export const SetContainerImageInputSchema = z.object({
  designId: DesignIdSchema,
  taskDefinitionId: z.string().min(1, "Pick a task definition").max(255),
  containerName: z.string().min(1, "Pick a container").max(255),
  image: z.string().trim().min(1, "The image reference is empty").max(255, "Image references are at most 255 characters")
    .regex(/^[A-Za-z0-9._\-/:@#]+$/, "An image reference has letters, digits and . _ - / : @ # only"),
});
export type SetContainerImageInput = z.infer<typeof SetContainerImageInputSchema>;
