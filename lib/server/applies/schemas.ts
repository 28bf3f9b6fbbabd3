import { z } from "zod";

export const PlanForEnvironmentInputSchema = z.object({ designId: z.uuid(), environmentId: z.uuid() });
export type PlanForEnvironmentInput = z.infer<typeof PlanForEnvironmentInputSchema>;

export const StartApplyInputSchema = z.object({
  designId: z.uuid(),
  environmentId: z.uuid(),
  /** The design version and plan fingerprint the user reviewed: the apply refuses to run anything else. */
  designVersion: z.number().int().min(1),
  fingerprint: z.string().min(1).max(64),
  waitForSteady: z.boolean().default(false),
  /** The person chose to apply although the plan has validator errors; recorded with the apply. */
  allowErrors: z.boolean().optional(),
});
export type StartApplyInput = z.infer<typeof StartApplyInputSchema>;

export const ApplyRefSchema = z.object({ id: z.uuid() });
export type ApplyRef = z.infer<typeof ApplyRefSchema>;
