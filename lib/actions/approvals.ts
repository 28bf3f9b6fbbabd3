"use server";

import type { z } from "zod";
import type { Person } from "@/lib/domain/access";
import {
  addGrant, applyApproved, applyRequestEnvironmentId, approveApply, confirmPassword, rejectApply, removeGrant, requestApply, setGroups,
  AddGrantInputSchema, ApplyRequestRefSchema, ConfirmPasswordInputSchema, GrantRefSchema, RejectApplyInputSchema,
  RequestApplyInputSchema, SetGroupsInputSchema, type GrantView,
} from "@/lib/server/approvals";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

const ENVIRONMENTS = () => ["/environments"];
const APPROVALS = () => ["/approvals"];

export async function addGrantAction(input: z.input<typeof AddGrantInputSchema>): Promise<ActionResult<GrantView>> {
  return runAction("addGrantAction", AddGrantInputSchema, input, addGrant, { revalidate: ENVIRONMENTS });
}

export async function removeGrantAction(input: z.input<typeof GrantRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("removeGrantAction", GrantRefSchema, input, removeGrant, { revalidate: ENVIRONMENTS });
}

export async function setGroupsAction(input: z.input<typeof SetGroupsInputSchema>): Promise<ActionResult<Person>> {
  return runAction("setGroupsAction", SetGroupsInputSchema, input, setGroups, { revalidate: () => ["/people"] });
}

/** A deployer asks approvers to approve the exact plan they reviewed (protected environments). */
export async function requestApplyAction(input: z.input<typeof RequestApplyInputSchema>): Promise<ActionResult<{ id: string; planHash: string }>> {
  return runAction("requestApplyAction", RequestApplyInputSchema, input, requestApply, {
    revalidate: (i) => [`/designs/${i.designId}/plan`, "/approvals"], environment: (i) => i.environmentId,
  });
}

export async function approveApplyAction(input: z.input<typeof ApplyRequestRefSchema>): Promise<ActionResult<{ valid: number; needed: number }>> {
  return runAction("approveApplyAction", ApplyRequestRefSchema, input, approveApply, {
    revalidate: APPROVALS, environment: (i, ctx) => applyRequestEnvironmentId(ctx, i.requestId),
  });
}

export async function rejectApplyAction(input: z.input<typeof RejectApplyInputSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("rejectApplyAction", RejectApplyInputSchema, input, rejectApply, {
    revalidate: APPROVALS, environment: (i, ctx) => applyRequestEnvironmentId(ctx, i.requestId),
  });
}

/** Runs an approved request: plans again, and applies only if the plan's hash is the approved one. */
export async function applyApprovedAction(input: z.input<typeof ApplyRequestRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("applyApprovedAction", ApplyRequestRefSchema, input, applyApproved, {
    revalidate: APPROVALS, environment: (i, ctx) => applyRequestEnvironmentId(ctx, i.requestId),
  });
}

/** "Confirm your password": makes this session freshly signed in (applies to protected environments ask for it). */
export async function confirmPasswordAction(input: z.input<typeof ConfirmPasswordInputSchema>): Promise<ActionResult<{ confirmedAt: string }>> {
  return runAction("confirmPasswordAction", ConfirmPasswordInputSchema, input, confirmPassword);
}
