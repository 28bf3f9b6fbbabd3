"use server";

import type { z } from "zod";
import {
  deleteSsoProvider, saveSsoProvider, SaveSsoProviderInputSchema, SsoProviderRefSchema, type SsoProviderView,
} from "@/lib/server/sso";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

const SETTINGS = () => ["/settings/sso", "/sign-in"];

/** Creates or changes a single sign-on provider (the client secret is kept when left empty). */
export async function saveSsoProviderAction(input: z.input<typeof SaveSsoProviderInputSchema>): Promise<ActionResult<SsoProviderView>> {
  return runAction("saveSsoProviderAction", SaveSsoProviderInputSchema, input, saveSsoProvider, { revalidate: SETTINGS });
}

export async function deleteSsoProviderAction(input: z.input<typeof SsoProviderRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteSsoProviderAction", SsoProviderRefSchema, input, deleteSsoProvider, { revalidate: SETTINGS });
}
