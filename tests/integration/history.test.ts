import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import type { Db } from "@/lib/db";
import type { Design } from "@/lib/domain/design";
import * as applies from "@/lib/actions/applies";
import * as designs from "@/lib/actions/designs";
import * as environments from "@/lib/actions/environments";
import { GET as auditExport } from "@/app/api/audit/route";
import { getApplyDetail, listEnvironmentApplies } from "@/lib/server/applies";
import { appApplyRunner } from "@/lib/server/applies/apply-runner";
import { queryAudit } from "@/lib/server/audit";
import { pageContext } from "@/lib/server/auth/page-context";
import { SANDBOX_ENVIRONMENT_ID } from "@/lib/server/environments";
import { sampleDesign, testCtx } from "./helpers/fixtures";
import { requestScope } from "./helpers/request-scope";
import { ORIGIN, signedIn, signedInApp, type SignedIn } from "./helpers/sign-in";

// The history of an environment and of an apply: who started an apply (and who resumed it), the
// apply runner's own rows (start, a failed step, the end, an interruption) acting for that person,
// and pages that read only their own rows. People act through the app's real door (server actions
// with a signed-in session); the app's sandbox runs in memory.

let db: Db;
let admin: SignedIn;
let editor: SignedIn;
let viewer: SignedIn;
const app = signedInApp({ memorySandbox: true });
beforeAll(async () => {
  ({ db, admin } = app);
  [editor, viewer] = [await signedIn(db, "editor"), await signedIn(db, "viewer")];
});

const must = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const history = (id: string) => queryAudit({ ctx: testCtx(db), input: { targetType: "apply", targetId: id, limit: 100 } });
const actions = (rows: { action: string }[]) => rows.map((r) => r.action).reverse();

/** Plans and applies through the actions as whoever `requestScope` says, and waits for the end. */
async function planAndApply(design: Design, name: string, allowErrors = false): Promise<{ designId: string; applyId: string }> {
  const { id: designId } = must(await designs.createDesignAction({ name, document: design }));
  const plan = must(await applies.planDesignAction({ designId, environmentId: SANDBOX_ENVIRONMENT_ID }));
  const { id: applyId } = must(await applies.startApplyAction({
    designId, environmentId: SANDBOX_ENVIRONMENT_ID, designVersion: plan.designVersion, fingerprint: plan.fingerprint, allowErrors,
  }));
  await appApplyRunner().finished(applyId);
  return { designId, applyId };
}

let succeeded: { designId: string; applyId: string };
let failed: { designId: string; applyId: string };
let prodId: string;

describe("an apply's record and history", () => {
  it("records who started it, and the runner's start and end, acting for that person", async () => {
    requestScope.use(editor.headers);
    const design = sampleDesign({ clusters: [{ id: "cl-1", clusterName: "history" }] });
    design.services = design.services.map((s) => ({ ...s, cluster: "history" }));
    succeeded = await planAndApply(design, "History");
    const { apply, designName } = await getApplyDetail({ ctx: testCtx(db), input: { id: succeeded.applyId } });
    expect(apply.status).toBe("succeeded");
    expect(designName).toBe("History");
    expect(apply.startedBy).toEqual({ id: editor.person.id, email: editor.person.email });

    const rows = await history(succeeded.applyId);
    expect(actions(rows)).toEqual(["startApplyAction", "apply.run-started", "apply.finished"]);
    const [finished, runStarted, started] = rows;
    expect(started).toMatchObject({
      actor: { kind: "person", id: editor.person.id, email: editor.person.email, role: "editor", actingFor: null },
      environmentId: SANDBOX_ENVIRONMENT_ID, outcome: "ok", after: { planHash: expect.any(String), input: { designId: succeeded.designId } },
    });
    for (const r of [runStarted, finished]) {
      expect(r.actor).toEqual({ kind: "system", id: null, email: "apply-runner", role: null, signInMethod: null, actingFor: { id: editor.person.id, email: editor.person.email } });
      expect(r).toMatchObject({ environmentId: SANDBOX_ENVIRONMENT_ID, target: { type: "apply", id: succeeded.applyId } });
    }
    expect(finished).toMatchObject({ outcome: "ok", after: { status: "succeeded", done: apply.steps.map((s) => s.key) } });
    // The runner writes per run, not per call or poll: five calls, two rows.
    expect(apply.steps.flatMap((s) => s.calls).length).toBeGreaterThan(2);
  });

  it("records the failed step with ECS's answer, and the end as failed", async () => {
    requestScope.use(editor.headers);
    const design = sampleDesign({ clusters: [{ id: "cl-1", clusterName: "history-fail" }] });
    design.services = design.services.map((s) => ({ ...s, cluster: "history-fail", taskDefinition: "history-big" }));
    design.taskDefinitions = design.taskDefinitions.map((t) => ({ ...t, family: "history-big", cpu: "256", memory: "4096" })); // not a Fargate size
    failed = await planAndApply(design, "History fails", true);
    const rows = await history(failed.applyId);
    expect(actions(rows)).toEqual(["startApplyAction", "apply.run-started", "apply.step-failed", "apply.finished"]);
    const stepFailed = rows.find((r) => r.action === "apply.step-failed")!;
    expect(stepFailed).toMatchObject({ outcome: "failed", reason: expect.stringMatching(/^ClientException: .*(cpu|memory)/i), after: { step: "task-definition:history-big" } });
    expect(rows[0]).toMatchObject({ action: "apply.finished", outcome: "failed", after: { status: "failed", done: ["cluster:history-fail"] } });
    expect(rows[rows.length - 1].after).toMatchObject({ allowedErrors: 1 });
  });

  it("records an interruption once, whoever looks, and who resumed it", async () => {
    // Its server stopped before recording the end: the row is still running, its heartbeat stale.
    await db.apply.update({ where: { id: succeeded.applyId }, data: { status: "running", owner: "a-stopped-instance", heartbeatAt: new Date(0) } });
    const reads = await Promise.all([1, 2, 3].map(() => getApplyDetail({ ctx: testCtx(db), input: { id: succeeded.applyId } })));
    expect(reads.map((r) => r.apply.status)).toEqual(["interrupted", "interrupted", "interrupted"]);
    await listEnvironmentApplies({ ctx: testCtx(db), input: { environmentId: SANDBOX_ENVIRONMENT_ID } });
    let rows = await history(succeeded.applyId);
    expect(rows.filter((r) => r.action === "apply.interrupted")).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "apply.interrupted", outcome: "failed", reason: expect.stringMatching(/Interrupted/),
      actor: { kind: "system", email: "apply-runner", actingFor: { id: editor.person.id, email: editor.person.email } },
      before: { status: "running", owner: "a-stopped-instance" }, after: { status: "interrupted" },
    });

    // Someone else resumes it: the resume is theirs, and so is what the runner does next.
    requestScope.use(admin.headers);
    must(await applies.resumeApplyAction({ id: succeeded.applyId }));
    await appApplyRunner().finished(succeeded.applyId);
    const { apply } = await getApplyDetail({ ctx: testCtx(db), input: { id: succeeded.applyId } });
    expect(apply.startedBy?.email).toBe(editor.person.email);
    expect(apply.resumes?.map((r) => r.resumedBy)).toEqual([{ id: admin.person.id, email: admin.person.email }]);
    rows = await history(succeeded.applyId);
    expect(actions(rows)).toEqual([
      "startApplyAction", "apply.run-started", "apply.finished", "apply.interrupted", "resumeApplyAction", "apply.run-started", "apply.finished",
    ]);
    expect(rows[2]).toMatchObject({ action: "resumeApplyAction", actor: { kind: "person", id: admin.person.id }, before: { status: "interrupted" } });
    expect(rows[1]).toMatchObject({ action: "apply.run-started", actor: { actingFor: { email: admin.person.email } }, after: { resume: true } });
    expect(rows[0]).toMatchObject({ action: "apply.finished", outcome: "ok", actor: { actingFor: { email: admin.person.email } } });

    // An interruption of an apply resumed by someone is theirs too.
    await db.apply.update({ where: { id: succeeded.applyId }, data: { status: "running", owner: "a-stopped-instance", heartbeatAt: new Date(0) } });
    await getApplyDetail({ ctx: testCtx(db), input: { id: succeeded.applyId } });
    expect((await history(succeeded.applyId))[0]).toMatchObject({ action: "apply.interrupted", actor: { actingFor: { email: admin.person.email } } });
  });

  it("an apply's history holds only its own rows", async () => {
    const mine = await history(failed.applyId);
    expect(mine.length).toBe(4);
    expect(mine.every((r) => r.target?.type === "apply" && r.target.id === failed.applyId)).toBe(true);
  });

  it("the apply runner's rows are found by the person's email in the audit trail", async () => {
    const rows = await queryAudit({ ctx: testCtx(db), input: { person: admin.person.email, targetType: "apply", limit: 100 } });
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["resumeApplyAction", "apply.run-started", "apply.finished", "apply.interrupted"]));
  });
});

describe("an environment's history", () => {
  it("holds every row naming the environment (changes, applies, refusals) and nothing else", async () => {
    requestScope.use(admin.headers);
    const prod = must(await environments.createEnvironmentAction({ name: "history-prod", kind: "aws", region: "eu-west-1", externalId: "hist-s3cr3t", roleArn: "arn:aws:iam::123456789012:role/deploy" }));
    prodId = prod.id;
    must(await environments.updateEnvironmentAction({ id: prod.id, name: "history-prod", kind: "aws", region: "eu-west-2", roleArn: "arn:aws:iam::123456789012:role/deploy" }));
    // An editor may not plan against an AWS account: refused, and on the environment's record.
    requestScope.use(editor.headers);
    expect(await applies.planDesignAction({ designId: succeeded.designId, environmentId: prod.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    const ctx = testCtx(db);
    const rows = await queryAudit({ ctx, input: { environmentId: prod.id, limit: 100 } });
    expect(actions(rows)).toEqual(["createEnvironmentAction", "updateEnvironmentAction", "planDesignAction"]);
    expect(rows[0]).toMatchObject({ outcome: "denied", actor: { id: editor.person.id }, reason: expect.stringMatching(/history-prod/) });
    expect(JSON.stringify(rows)).not.toContain("hist-s3cr3t");
    expect(await listEnvironmentApplies({ ctx, input: { environmentId: prod.id } })).toEqual([]);

    // The sandbox's history: its applies' rows, none of prod's.
    const sandbox = await queryAudit({ ctx, input: { environmentId: SANDBOX_ENVIRONMENT_ID, limit: 1000 } });
    expect(sandbox.every((r) => r.environmentId === SANDBOX_ENVIRONMENT_ID)).toBe(true);
    expect(sandbox.some((r) => r.target?.id === failed.applyId && r.action === "apply.step-failed")).toBe(true);
    expect(sandbox.some((r) => r.target?.id === prod.id)).toBe(false);
  });

  it("lists the environment's applies, newest first, with design, version, status and who started them", async () => {
    const list = await listEnvironmentApplies({ ctx: testCtx(db), input: { environmentId: SANDBOX_ENVIRONMENT_ID } });
    expect(list.map((a) => [a.id, a.designName, a.designVersion, a.startedBy?.email])).toEqual([
      [failed.applyId, "History fails", 1, editor.person.email],
      [succeeded.applyId, "History", 1, editor.person.email],
    ]);
    expect(list[0].status).toBe("failed");
    // A deleted design's applies stay listed, by id.
    requestScope.use(editor.headers);
    must(await designs.deleteDesignAction({ id: failed.designId }));
    expect((await listEnvironmentApplies({ ctx: testCtx(db), input: { environmentId: SANDBOX_ENVIRONMENT_ID } }))[0]).toMatchObject({ id: failed.applyId, designName: null });
  });

  it("a viewer may open the environment and apply pages, but not export the audit trail", async () => {
    requestScope.use(viewer.headers);
    const ctx = await pageContext("/environments/[id]", { id: prodId });
    expect(ctx.actor).toMatchObject({ kind: "person", person: { id: viewer.person.id } });
    expect((await pageContext("/applies/[id]", { id: succeeded.applyId })).actor).toMatchObject({ kind: "person" });
    const res = await auditExport(new Request(`${ORIGIN}/api/audit?environmentId=${prodId}&format=ndjson`, { headers: viewer.headers }), {});
    expect(res.status).toBe(403);
    requestScope.use(admin.headers);
    const ok = await auditExport(new Request(`${ORIGIN}/api/audit?environmentId=${prodId}&format=ndjson`, { headers: admin.headers }), {});
    expect(ok.status).toBe(200);
    expect((await ok.text()).trim().split("\n").map((l) => JSON.parse(l).environmentId)).toEqual([prodId, prodId, prodId]);
  });
});
