"use server";

import type { z } from "zod";
import type { Person } from "@/lib/domain/access";
import { completeSetup, CompleteSetupInputSchema } from "@/lib/server/auth/setup";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

/** First run: the first admin, with the setup token from the server's log. The page then signs in. */
export async function completeSetupAction(input: z.input<typeof CompleteSetupInputSchema>): Promise<ActionResult<Person>> {
  return runAction("completeSetupAction", CompleteSetupInputSchema, input, completeSetup);
}
