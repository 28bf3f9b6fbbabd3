import { z } from "zod";
import type { ProviderInstances } from "@/lib/domain/cost";
import { DesignSchema } from "@/lib/domain/design";
import { placedInstances } from "../plan/placed-cost";

/** The design being edited (not saved: the canvas asks as it changes). */
export const EstimateInstancesInputSchema = z.object({ design: DesignSchema });

/** The instances the design's capacity providers need, for the canvas's cost (the sandbox's placement runs on the server). */
export async function estimateInstances({ input }: { input: z.output<typeof EstimateInstancesInputSchema> }): Promise<ProviderInstances[]> {
  return placedInstances(input.design, {});
}
