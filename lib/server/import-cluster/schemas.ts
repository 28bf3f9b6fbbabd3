import { z } from "zod";

export const ListLiveClustersInputSchema = z.object({ environmentId: z.uuid() });
export type ListLiveClustersInput = z.infer<typeof ListLiveClustersInputSchema>;

export const ImportClusterInputSchema = z.object({
  environmentId: z.uuid(),
  cluster: z.string().trim().min(1).max(255),
  name: z.string().trim().min(1).max(200).optional(),
});
export type ImportClusterInput = z.infer<typeof ImportClusterInputSchema>;
