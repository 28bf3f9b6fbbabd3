"use server";

import type { z } from "zod";
import type { Person } from "@/lib/domain/access";
import {
  acceptInvite, changeRole, createAccessKey, invitePerson, removePerson, revokeAccessKey, revokeInvite, revokeSession,
  AcceptInviteInputSchema, AccessKeyRefSchema, ChangeRoleInputSchema, CreateAccessKeyInputSchema, InvitePersonInputSchema, InviteRefSchema,
  PersonRefSchema, SessionRefSchema,
  type NewAccessKey, type NewInvite,
} from "@/lib/server/people";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

const PEOPLE = () => ["/people"];

export async function invitePersonAction(input: z.input<typeof InvitePersonInputSchema>): Promise<ActionResult<NewInvite>> {
  return runAction("invitePersonAction", InvitePersonInputSchema, input, invitePerson, { revalidate: PEOPLE });
}

export async function revokeInviteAction(input: z.input<typeof InviteRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("revokeInviteAction", InviteRefSchema, input, revokeInvite, { revalidate: PEOPLE });
}

export async function changeRoleAction(input: z.input<typeof ChangeRoleInputSchema>): Promise<ActionResult<Person>> {
  return runAction("changeRoleAction", ChangeRoleInputSchema, input, changeRole, { revalidate: PEOPLE });
}

export async function removePersonAction(input: z.input<typeof PersonRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("removePersonAction", PersonRefSchema, input, removePerson, { revalidate: PEOPLE });
}

/** From an invite link: creates the account; the page then signs in with the new password. */
export async function acceptInviteAction(input: z.input<typeof AcceptInviteInputSchema>): Promise<ActionResult<Person>> {
  return runAction("acceptInviteAction", AcceptInviteInputSchema, input, acceptInvite);
}

export async function revokeSessionAction(input: z.input<typeof SessionRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("revokeSessionAction", SessionRefSchema, input, revokeSession, { revalidate: () => ["/profile"] });
}

/** A new sandbox access key for the signed-in person; the answer is the one time its secret is shown. */
export async function createAccessKeyAction(input: z.input<typeof CreateAccessKeyInputSchema> = {}): Promise<ActionResult<NewAccessKey>> {
  return runAction("createAccessKeyAction", CreateAccessKeyInputSchema, input, createAccessKey, { revalidate: () => ["/profile"] });
}

export async function revokeAccessKeyAction(input: z.input<typeof AccessKeyRefSchema>): Promise<ActionResult<{ accessKeyId: string }>> {
  return runAction("revokeAccessKeyAction", AccessKeyRefSchema, input, revokeAccessKey, { revalidate: () => ["/profile"] });
}
