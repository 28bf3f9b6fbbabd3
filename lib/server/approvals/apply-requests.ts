import { toJson, type Db, type DbTransaction } from "@/lib/db";
import { approvalTally, decideApproval, decideEnvironment, type ApprovalVote, type Person } from "@/lib/domain/access";
import { planFingerprint, type Plan } from "@/lib/domain/plan";
import { recordAudit } from "../audit";
import { planPorts, withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { getDesign } from "../designs/get-design";
import { loadEnvironmentRow, type EnvironmentRow } from "../environments";
import { launchApply } from "../applies/launch-apply";
import { refuseIfRunning } from "../applies/refuse-if-running";
import { validatorGate } from "../applies/validator-gate";
import { ApprovalRequiredError, NotFoundError, PlanChangedError, ReadOnlyEnvironmentError, RefusedError, UnauthenticatedError } from "../errors";
import { planAgainstAccount } from "../plan";
import { requireFreshSignIn } from "./fresh-sign-in";
import { grantsOf } from "./grants";
import { planHash } from "./plan-hash";
import type { ApplyRequestRef, ListApplyRequestsInput, RejectApplyInput, RequestApplyInput } from "./schemas";
import type { ApplyRequestStatus, ApplyRequestView } from "./types";

// Applying to a protected environment, in three steps: a deployer requests an apply of the exact
// plan they reviewed (bound to its hash, plan-hash.ts); approvers other than them approve it (or
// one rejects it); once enough approvals count, a deployer applies it, which plans again and runs
// only if the hash is the same. Each step is one transaction with its audit row.

function personOf(ctx: AppContext): Person {
  if (ctx.actor.kind !== "person") throw new UnauthenticatedError();
  return ctx.actor.person;
}

const target = (id: string) => ({ type: "apply-request" as const, id });

type RequestRow = NonNullable<Awaited<ReturnType<typeof loadRequestRow>>>;
async function loadRequestRow(db: Db | DbTransaction, id: string) {
  return db.applyRequest.findUnique({ where: { id }, include: { approvals: { orderBy: { decidedAt: "asc" } } } });
}
async function loadRequest(db: Db | DbTransaction, id: string): Promise<RequestRow> {
  const row = await loadRequestRow(db, id);
  if (!row) throw new NotFoundError(`Apply request ${id} does not exist`);
  return row;
}

const votesOf = (row: RequestRow): ApprovalVote[] =>
  row.approvals.map((a) => ({ approverId: a.approverId, decision: a.decision === "reject" ? "reject" : "approve", decidedAt: a.decidedAt, expiresAt: a.expiresAt }));

/** The environment an apply request is for: what the permission of approving or applying it checks. */
export async function applyRequestEnvironmentId(ctx: AppContext, requestId: string): Promise<string> {
  const row = await ctx.db.applyRequest.findUnique({ where: { id: requestId }, select: { environmentId: true } });
  if (!row) throw new NotFoundError(`Apply request ${requestId} does not exist`);
  return row.environmentId;
}

/** Plans the design again against the environment, with what the hash needs. */
async function planNow(ctx: AppContext, env: EnvironmentRow, designId: string) {
  const design = await getDesign({ ctx, input: { id: designId } });
  const { plan, live } = await withEcs(ctx, env, (port) => planAgainstAccount(port, design.document, { designId: design.id, ...planPorts(ctx, env) }));
  return { design, plan, live };
}

/** A deployer asks for approval of the plan they reviewed. An older pending request of theirs for the same design and environment is void. */
export async function requestApply({ ctx, input }: { ctx: AppContext; input: RequestApplyInput }): Promise<{ id: string; planHash: string }> {
  const person = personOf(ctx);
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  if (!env.protected) throw new RefusedError(`"${env.name}" is not protected: apply the plan directly, no approval needed.`);
  const { design, plan, live } = await planNow(ctx, env, input.designId);
  if (design.version !== input.designVersion) {
    throw new PlanChangedError(`The design was saved again (now version ${design.version}) after this plan was made. Plan again before asking for approval.`);
  }
  if (planFingerprint(plan) !== input.fingerprint) throw new PlanChangedError();
  if (plan.empty) throw new RefusedError("Nothing to apply: the account already matches the design.");
  const allowErrors = input.allowErrors === true;
  validatorGate(plan, allowErrors);
  const hash = planHash({ plan, design, environment: env, live, allowErrors });
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const older = await tx.applyRequest.findMany({ where: { designId: design.id, environmentId: env.id, status: "pending" }, select: { id: true } });
    if (older.length) {
      await tx.applyRequest.updateMany({
        where: { id: { in: older.map((o) => o.id) }, status: "pending" },
        data: { status: "void", reason: `Replaced by a newer request from ${person.email}.`, closedAt: now },
      });
    }
    const row = await tx.applyRequest.create({
      data: {
        designId: design.id, designVersion: design.version, environmentId: env.id, planHash: hash, fingerprint: input.fingerprint,
        plan: toJson(plan), waitForSteady: input.waitForSteady, allowErrors, requestedBy: person.id, requestedByEmail: person.email,
        requestedAt: now, requiredApprovals: env.requiredApprovals, status: "pending",
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      target: target(row.id), environmentId: env.id,
      after: { designId: design.id, designVersion: design.version, planHash: hash, requiredApprovals: env.requiredApprovals, replaced: older.map((o) => o.id) },
    });
    return { id: row.id, planHash: hash };
  });
}

/** Refused by policy (self-approval, a closed request): on record as a denial with its reason, then refused. */
async function refuse(ctx: AppContext, row: RequestRow, reason: string): Promise<never> {
  await recordAudit(ctx.db, ctx, { target: target(row.id), environmentId: row.environmentId, outcome: "denied", reason });
  throw new RefusedError(reason);
}

export async function approveApply({ ctx, input }: { ctx: AppContext; input: ApplyRequestRef }): Promise<{ valid: number; needed: number }> {
  const person = personOf(ctx);
  const row = await loadRequest(ctx.db, input.requestId);
  const now = ctx.clock.now();
  const refusal = decideApproval(person, row, votesOf(row), now);
  if (refusal) return refuse(ctx, row, refusal);
  const env = await loadEnvironmentRow(ctx, row.environmentId);
  const expiresAt = new Date(now.getTime() + env.approvalExpiryMinutes * 60_000);
  return ctx.db.$transaction(async (tx) => {
    // Still pending as we write (a reject or an apply may have closed it meanwhile).
    const { count } = await tx.applyRequest.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "pending" } });
    if (count === 0) throw new RefusedError("This request was closed meanwhile.");
    const decision = { approverEmail: person.email, decision: "approve", reason: null, decidedAt: now, expiresAt };
    await tx.applyApproval.upsert({
      where: { requestId_approverId: { requestId: row.id, approverId: person.id } },
      create: { requestId: row.id, approverId: person.id, ...decision }, update: decision,
    });
    const fresh = await loadRequest(tx, row.id);
    const tally = approvalTally(votesOf(fresh), { required: env.requiredApprovals, requesterId: row.requestedBy, now });
    await recordAudit(tx, ctx, {
      target: target(row.id), environmentId: row.environmentId,
      after: { planHash: row.planHash, expiresAt: expiresAt.toISOString(), approvals: tally.valid, needed: tally.needed },
    });
    return { valid: tally.valid, needed: tally.needed };
  });
}

/** One approver's rejection closes the request, with the reason. */
export async function rejectApply({ ctx, input }: { ctx: AppContext; input: RejectApplyInput }): Promise<{ id: string }> {
  const person = personOf(ctx);
  const row = await loadRequest(ctx.db, input.requestId);
  const now = ctx.clock.now();
  if (row.status !== "pending") return refuse(ctx, row, `This request is ${row.status}: there is nothing left to reject.`);
  if (row.requestedBy === person.id) return refuse(ctx, row, "You asked for this apply: someone else decides on it.");
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.applyRequest.updateMany({
      where: { id: row.id, status: "pending" }, data: { status: "rejected", reason: `Rejected by ${person.email}: ${input.reason}`, closedAt: now },
    });
    if (count === 0) throw new RefusedError("This request was closed meanwhile.");
    const decision = { approverEmail: person.email, decision: "reject", reason: input.reason, decidedAt: now, expiresAt: now };
    await tx.applyApproval.upsert({
      where: { requestId_approverId: { requestId: row.id, approverId: person.id } },
      create: { requestId: row.id, approverId: person.id, ...decision }, update: decision,
    });
    await recordAudit(tx, ctx, { target: target(row.id), environmentId: row.environmentId, reason: input.reason, after: { planHash: row.planHash, status: "rejected" } });
    return { id: row.id };
  });
}

/**
 * Applies an approved request: a fresh sign-in, enough approvals that count now, and a new plan
 * whose hash is the approved one. A different hash (the design was saved, the account or the
 * environment changed) voids the request and its approvals, on record; the request is marked
 * applied in the apply row's own transaction.
 */
export async function applyApproved({ ctx, input }: { ctx: AppContext; input: ApplyRequestRef }): Promise<{ id: string }> {
  const person = personOf(ctx);
  const row = await loadRequest(ctx.db, input.requestId);
  if (row.status !== "pending") throw new RefusedError(`This request is ${row.status}${row.reason ? ` (${row.reason})` : ""}: plan again and ask for approval again.`);
  const env = await loadEnvironmentRow(ctx, row.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  await requireFreshSignIn(ctx);
  const now = ctx.clock.now();
  const tally = approvalTally(votesOf(row), { required: env.requiredApprovals, requesterId: row.requestedBy, now });
  if (!tally.enough) {
    const expired = tally.expired ? ` (${tally.expired} more expired: an approval counts for ${env.approvalExpiryMinutes} minutes)` : "";
    throw new ApprovalRequiredError(`This apply needs ${tally.needed} approval${tally.needed === 1 ? "" : "s"} from approvers other than ${row.requestedByEmail}; it has ${tally.valid}${expired}.`);
  }
  await refuseIfRunning(ctx, row.designId, env.id);
  const { design, plan, live } = await planNow(ctx, env, row.designId);
  const hash = planHash({ plan, design, environment: env, live, allowErrors: row.allowErrors });
  if (design.version !== row.designVersion || hash !== row.planHash) {
    const why = design.version !== row.designVersion
      ? `the design was saved again (now version ${design.version}, approved version ${row.designVersion})`
      : "the account, its resources or the environment's settings changed since it was approved";
    const reason = `The plan changed: ${why}. The approval is void; plan again and ask for approval again.`;
    await ctx.db.$transaction(async (tx) => {
      await tx.applyRequest.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "void", reason, closedAt: now } });
      await recordAudit(tx, ctx, { target: target(row.id), environmentId: env.id, outcome: "failed", reason, before: { planHash: row.planHash }, after: { planHash: hash } });
    });
    throw new PlanChangedError(reason);
  }
  const allowedErrors = validatorGate(plan, row.allowErrors);
  const approvers = row.approvals.filter((a) => a.decision === "approve" && a.expiresAt > now).map((a) => a.approverEmail);
  return launchApply(ctx, {
    env, design, plan, waitForSteady: row.waitForSteady, allowedErrors,
    within: async (tx, applyId) => {
      const { count } = await tx.applyRequest.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "applied", applyId, closedAt: now } });
      if (count === 0) throw new RefusedError("This request was closed meanwhile.");
      await recordAudit(tx, ctx, {
        target: { type: "apply", id: applyId }, environmentId: env.id,
        after: { requestId: row.id, planHash: hash, designVersion: design.version, requestedBy: row.requestedByEmail, approvers, appliedBy: person.email },
      });
    },
  });
}

/** Apply requests (pending ones, or all of a design's), newest first, with what the person looking may do with each. */
export async function listApplyRequests({ ctx, input }: { ctx: AppContext; input: ListApplyRequestsInput }): Promise<ApplyRequestView[]> {
  const rows = await ctx.db.applyRequest.findMany({
    where: { ...(input.designId ? { designId: input.designId } : {}), ...(input.status === "pending" ? { status: "pending" } : {}) },
    include: { approvals: { orderBy: { decidedAt: "asc" } } },
    orderBy: { requestedAt: "desc" },
    take: 100,
  });
  const envIds = [...new Set(rows.map((r) => r.environmentId))];
  const [envs, designs] = await Promise.all([
    ctx.db.environment.findMany({ where: { id: { in: envIds } } }),
    ctx.db.design.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.designId))] } }, select: { id: true, name: true } }),
  ]);
  const grants = new Map(await Promise.all(envIds.map(async (id) => [id, await grantsOf(ctx.db, id)] as const)));
  const envById = new Map(envs.map((e) => [e.id, e]));
  const nameOf = new Map(designs.map((d) => [d.id, d.name]));
  const now = ctx.clock.now();
  return rows.map((r) => {
    const env = envById.get(r.environmentId);
    const votes = votesOf(r);
    const tally = approvalTally(votes, { required: env?.requiredApprovals ?? r.requiredApprovals, requesterId: r.requestedBy, now });
    const facts = env ? { sandbox: env.kind === "sandbox", name: env.name, grants: grants.get(env.id) ?? [] } : undefined;
    const may = (verb: "apply" | "approve") => Boolean(facts && ctx.actor.kind === "person" && !decideEnvironment(ctx.actor, verb, facts));
    const person = ctx.actor.kind === "person" ? ctx.actor.person : undefined;
    return {
      id: r.id, designId: r.designId, designName: nameOf.get(r.designId) ?? "(deleted design)", designVersion: r.designVersion,
      environmentId: r.environmentId, environmentName: env?.name ?? "(deleted environment)", planHash: r.planHash, plan: r.plan as Plan,
      requestedBy: r.requestedBy, requestedByEmail: r.requestedByEmail, requestedAt: r.requestedAt.toISOString(),
      status: r.status as ApplyRequestStatus, reason: r.reason, applyId: r.applyId,
      approvals: r.approvals.map((a) => ({
        approverId: a.approverId, approverEmail: a.approverEmail, decision: a.decision === "reject" ? "reject" : "approve", reason: a.reason,
        decidedAt: a.decidedAt.toISOString(), expiresAt: a.expiresAt.toISOString(), expired: a.decision === "approve" && a.expiresAt <= now,
      })),
      valid: tally.valid, needed: tally.needed, expired: tally.expired, ready: r.status === "pending" && tally.enough,
      canApprove: Boolean(person) && may("approve") && !decideApproval(person!, r, votes, now),
      canApply: r.status === "pending" && tally.enough && may("apply"),
    };
  });
}
