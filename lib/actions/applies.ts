"use server";

import type { z } from "zod";
import { planForEnvironment, startApply, PlanForEnvironmentInputSchema, StartApplyInputSchema, type PlanResult } from "@/lib/server/applies";
import { runEnvAction, type EnvActionResult } from "./environment-result";

/** A plan is read-only (Describe/List calls); it is an action because a button asks for it. */
export async function planDesignAction(input: z.input<typeof PlanForEnvironmentInputSchema>): Promise<EnvActionResult<PlanResult>> {
  return runEnvAction(PlanForEnvironmentInputSchema, input, planForEnvironment);
}

export async function startApplyAction(input: z.input<typeof StartApplyInputSchema>): Promise<EnvActionResult<{ id: string }>> {
  return runEnvAction(StartApplyInputSchema, input, startApply, { revalidate: (i) => [`/designs/${i.designId}`] });
}
