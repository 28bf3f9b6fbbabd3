import { planFingerprint } from "@/lib/domain/plan";
import { recordAudit } from "../audit";
import { planPorts, withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { getDesign } from "../designs/get-design";
import { ApprovalRequiredError, PlanChangedError, ReadOnlyEnvironmentError, RefusedError } from "../errors";
import { loadEnvironmentRow } from "../environments";
import { planAgainstAccount } from "../plan";
import { launchApply } from "./launch-apply";
import { refuseIfRunning } from "./refuse-if-running";
import type { StartApplyInput } from "./schemas";
import { validatorGate } from "./validator-gate";

/**
 * Plans again on the server and applies only if that plan is the one the user reviewed (same
 * design version, same calls): the browser's copy of a plan is never trusted, and only if its
 * design has no validator errors or the person chose to apply anyway. The apply then runs in
 * the background on this instance, which owns its row; its row records each step.
 * Only one apply of a design to an environment runs at a time, across every instance.
 * A protected environment takes no direct apply: its plan is requested, approved, then applied
 * (lib/server/approvals).
 */
export async function startApply({ ctx, input }: { ctx: AppContext; input: StartApplyInput }): Promise<{ id: string }> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  if (env.protected) {
    throw new ApprovalRequiredError(`"${env.name}" is protected: request an apply of this plan, and apply it once ${env.requiredApprovals === 1 ? "an approver has" : `${env.requiredApprovals} approvers have`} approved it.`);
  }
  await refuseIfRunning(ctx, input.designId, env.id);
  const design = await getDesign({ ctx, input: { id: input.designId } });
  if (design.version !== input.designVersion) {
    throw new PlanChangedError(`The design was saved again (now version ${design.version}) after this plan was made. Plan again before applying.`);
  }
  const { plan } = await withEcs(ctx, env, (port) => planAgainstAccount(port, design.document, { designId: design.id, ...planPorts(ctx, env) }));
  if (planFingerprint(plan) !== input.fingerprint) throw new PlanChangedError();
  if (plan.empty) throw new RefusedError("Nothing to apply: the account already matches the design.");
  const allowedErrors = validatorGate(plan, input.allowErrors === true);
  // The apply and its row of the audit trail (who started what, with which plan) commit together.
  return launchApply(ctx, {
    env, design, plan, waitForSteady: input.waitForSteady, allowedErrors,
    within: (tx, applyId) => recordAudit(tx, ctx, {
      target: { type: "apply", id: applyId }, environmentId: env.id,
      after: { input, planHash: input.fingerprint, summary: plan.summary, ...(allowedErrors ? { allowedErrors: allowedErrors.length } : {}) },
    }),
  });
}
