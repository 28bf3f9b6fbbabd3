"use server";

import type { z } from "zod";
import {
  applyEnvironmentId, planForEnvironment, resumeApply, startApply, ApplyRefSchema, PlanForEnvironmentInputSchema, StartApplyInputSchema, type PlanResult,
} from "@/lib/server/applies";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

/** A plan is read-only (Describe/List calls); it is an action because a button asks for it. */
export async function planDesignAction(input: z.input<typeof PlanForEnvironmentInputSchema>): Promise<ActionResult<PlanResult>> {
  return runAction("planDesignAction", PlanForEnvironmentInputSchema, input, planForEnvironment, { environment: (i) => i.environmentId });
}

export async function startApplyAction(input: z.input<typeof StartApplyInputSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("startApplyAction", StartApplyInputSchema, input, startApply, {
    revalidate: (i) => [`/designs/${i.designId}`],
    environment: (i) => i.environmentId,
  });
}

/** Finishes an interrupted apply on this server: plans again and runs what is left (same apply, same record). */
export async function resumeApplyAction(input: z.input<typeof ApplyRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("resumeApplyAction", ApplyRefSchema, input, resumeApply, {
    environment: (i, ctx) => applyEnvironmentId(ctx, i.id),
  });
}
