import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Grants go through the real door (server actions with real sessions); the approval flow runs the
// operations for each person with a context of theirs (a real session row, a clock the test moves)
// against the sandbox over HTTP through the real ECSClient.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { getDb, type Db } from "@/lib/db";
import type { Actor } from "@/lib/domain/access";
import { planForEnvironment, startApply } from "@/lib/server/applies";
import { applyApproved, approveApply, confirmPassword, rejectApply, requestApply } from "@/lib/server/approvals";
import type { AppContext } from "@/lib/server/context";
import { createDesign } from "@/lib/server/designs/create-design";
import { saveDesign } from "@/lib/server/designs/save-design";
import { createEnvironment, updateEnvironment, type EnvironmentView } from "@/lib/server/environments";
import { ApplyRunner } from "@/lib/server/applies";
import { appMonitorHub } from "@/lib/server/monitor/app-hub";
import { testCtx } from "./helpers/fixtures";
import { requestScope } from "./helpers/request-scope";
import { PASSWORD, signedIn, type SignedIn } from "./helpers/sign-in";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { startPlanSandbox, webDesign } from "./plan-apply/sandbox";

let tdb: TestDatabase;
let db: Db;
let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
const applies = new ApplyRunner();
// The test's clock: real time plus however far the test moved it.
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const people = {} as Record<"deployer" | "approver" | "second" | "admin" | "viewer", SignedIn>;
const savedEnv = { ...process.env };

async function actorOf(who: SignedIn): Promise<Actor> {
  const session = await db.session.findFirstOrThrow({ where: { userId: who.person.id }, orderBy: { createdAt: "desc" } });
  const user = await db.user.findUniqueOrThrow({ where: { id: who.person.id } });
  return { kind: "person", person: { ...who.person, groups: user.groups }, sessionId: session.id };
}
async function as(who: SignedIn): Promise<AppContext> {
  return testCtx(db, { aws: sb.aws, clock, applies, actor: await actorOf(who), request: { action: "test", ip: null, userAgent: "vitest", requestId: "r" } });
}
const admin = () => testCtx(db, { aws: sb.aws, clock, applies });

async function protectedEnv(over: Partial<{ requiredApprovals: number }> = {}): Promise<EnvironmentView> {
  return createEnvironment({
    ctx: admin(),
    input: { name: `prot-${Math.random().toString(36).slice(2, 8)}`, kind: "sandbox", region: "eu-west-1", readOnly: false, protected: true, requiredApprovals: over.requiredApprovals ?? 1 },
  });
}

async function designWithCluster(name: string) {
  const doc = { ...webDesign(), clusters: [{ id: "cl", clusterName: name }], services: [], taskDefinitions: [] };
  return createDesign({ ctx: admin(), input: { name, document: doc } });
}

async function plannedRequest(ctx: AppContext, designId: string, environmentId: string) {
  const p = await planForEnvironment({ ctx, input: { designId, environmentId } });
  return requestApply({ ctx, input: { designId, environmentId, designVersion: p.designVersion, fingerprint: p.fingerprint, waitForSteady: false } });
}

const auditOf = (targetId: string) => db.auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  process.env.STEVEDORE_SANDBOX_STORE = "memory";
  process.env.AWS_ACCESS_KEY_ID = "AKIAAPPROVALSTEST";
  process.env.AWS_SECRET_ACCESS_KEY = "approvals-test";
  tdb = await createTestDatabase();
  tdb.useForApp();
  db = await getDb();
  sb = await startPlanSandbox("eu-west-1");
  people.deployer = await signedIn(db, "editor");
  people.approver = await signedIn(db, "viewer");
  people.second = await signedIn(db, "editor");
  people.admin = await signedIn(db, "admin");
  people.viewer = await signedIn(db, "viewer");
});
afterAll(async () => {
  requestScope.clear();
  await appMonitorHub().shutdown();
  await sb.close();
  await tdb.drop();
  for (const k of ["STEVEDORE_SANDBOX_STORE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe("grants", () => {
  it("deny AWS environments by default, admins too, and open them to a group's members once granted", async () => {
    const { planDesignAction } = await import("@/lib/actions/applies");
    const { addGrantAction, removeGrantAction, setGroupsAction } = await import("@/lib/actions/approvals");
    const prod = await createEnvironment({ ctx: admin(), input: { name: "prod-grants", kind: "aws", region: "eu-west-1", readOnly: false, endpoint: "http://127.0.0.1:9" } });
    const { id: designId } = await designWithCluster("grants");
    const plan = (who: SignedIn) => { requestScope.use(who.headers); return planDesignAction({ designId, environmentId: prod.id }); };

    expect(await plan(people.deployer)).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("needs the planner grant") });
    expect(await plan(people.admin)).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("Admins give grants") });

    requestScope.use(people.admin.headers);
    const grant = await addGrantAction({ environmentId: prod.id, subjectKind: "group", subject: "platform", role: "planner" });
    expect(grant).toMatchObject({ ok: true, data: { subjectKind: "group", subject: "platform", role: "planner", label: "group platform" } });
    // Not in the group yet: still refused.
    expect(await plan(people.deployer)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    requestScope.use(people.admin.headers);
    expect(await setGroupsAction({ personId: people.deployer.person.id, groups: ["platform", "web"] })).toMatchObject({ ok: true, data: { groups: ["platform", "web"] } });
    // Let through: the plan is made and fails at AWS (nothing listens at the endpoint), not at the door.
    expect(await plan(people.deployer)).toMatchObject({ ok: false, code: "AWS" });
    // Someone outside the group is still refused.
    expect(await plan(people.second)).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // Only admins manage grants; each change is on record.
    requestScope.use(people.deployer.headers);
    expect(await addGrantAction({ environmentId: prod.id, subjectKind: "person", subject: people.deployer.person.id, role: "deployer" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    requestScope.use(people.admin.headers);
    expect(await removeGrantAction({ id: grant.ok ? grant.data.id : "" })).toMatchObject({ ok: true });
    expect(await plan(people.deployer)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const rows = await db.auditEvent.findMany({ where: { environmentId: prod.id, action: { in: ["addGrantAction", "removeGrantAction"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.outcome, r.actorEmail])).toEqual([
      ["addGrantAction", "ok", people.admin.person.email], ["removeGrantAction", "ok", people.admin.person.email],
    ]);
    expect(rows[0].after).toMatchObject({ grant: { subjectKind: "group", subject: "platform", role: "planner" } });
    // The refusal happened at the door, before the input (and so the environment) was read.
    expect(await db.auditEvent.count({ where: { action: "addGrantAction", outcome: "denied", actorId: people.deployer.person.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "setGroupsAction", targetId: people.deployer.person.id } })).toBe(1);
  });

  it("lets a viewer with an approver grant approve, and nobody without one", async () => {
    const { approveApplyAction } = await import("@/lib/actions/approvals");
    const { addGrantAction } = await import("@/lib/actions/approvals");
    const env = await protectedEnv();
    const { id: designId } = await designWithCluster("door");
    const req = await plannedRequest(await as(people.deployer), designId, env.id);
    requestScope.use(people.viewer.headers);
    expect(await approveApplyAction({ requestId: req.id })).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringContaining("needs the approver grant") });
    requestScope.use(people.admin.headers);
    expect(await addGrantAction({ environmentId: env.id, subjectKind: "person", subject: people.viewer.person.id, role: "approver" })).toMatchObject({ ok: true });
    requestScope.use(people.viewer.headers);
    expect(await approveApplyAction({ requestId: req.id })).toMatchObject({ ok: true, data: { valid: 1, needed: 1 } });
  });
});

describe("approvals", () => {
  it("refuse a direct apply and self-approval; another person's approval lets the requester apply, all on record", async () => {
    const env = await protectedEnv();
    const { id: designId } = await designWithCluster("two-person");
    const deployer = await as(people.deployer);
    const p = await planForEnvironment({ ctx: deployer, input: { designId, environmentId: env.id } });
    await expect(startApply({ ctx: deployer, input: { designId, environmentId: env.id, designVersion: 1, fingerprint: p.fingerprint, waitForSteady: false } }))
      .rejects.toMatchObject({ code: "APPROVAL_REQUIRED" });

    const req = await plannedRequest(deployer, designId, env.id);
    expect(req.planHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(approveApply({ ctx: deployer, input: { requestId: req.id } })).rejects.toMatchObject({ code: "REFUSED", message: "You asked for this apply: someone else must approve it." });
    await expect(applyApproved({ ctx: deployer, input: { requestId: req.id } })).rejects.toMatchObject({ code: "APPROVAL_REQUIRED", message: expect.stringContaining("it has 0") });

    const approver = await as(people.approver);
    expect(await approveApply({ ctx: approver, input: { requestId: req.id } })).toEqual({ valid: 1, needed: 1 });
    await expect(approveApply({ ctx: approver, input: { requestId: req.id } })).rejects.toMatchObject({ message: "You have approved this request already." });
    const { id: applyId } = await applyApproved({ ctx: deployer, input: { requestId: req.id } });
    await applies.finished(applyId);
    expect(await db.apply.findUniqueOrThrow({ where: { id: applyId } })).toMatchObject({ status: "succeeded", designVersion: 1 });
    expect(await db.applyRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "applied", applyId });
    await expect(applyApproved({ ctx: deployer, input: { requestId: req.id } })).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("is applied") });

    const rows = await auditOf(req.id);
    expect(rows.map((r) => [r.actorEmail, r.outcome, r.reason])).toEqual([
      [people.deployer.person.email, "ok", null],
      [people.deployer.person.email, "denied", "You asked for this apply: someone else must approve it."],
      [people.approver.person.email, "ok", null],
      [people.approver.person.email, "denied", "You have approved this request already."],
    ]);
    expect(rows[0].after).toMatchObject({ planHash: req.planHash, designVersion: 1, requiredApprovals: 1 });
    const [applied] = await auditOf(applyId);
    expect(applied.after).toMatchObject({ requestId: req.id, planHash: req.planHash, approvers: [people.approver.person.email], appliedBy: people.deployer.person.email });
  });

  it("needs N approvals from N different people", async () => {
    const env = await protectedEnv({ requiredApprovals: 2 });
    const { id: designId } = await designWithCluster("two-approvals");
    const req = await plannedRequest(await as(people.deployer), designId, env.id);
    expect(await approveApply({ ctx: await as(people.approver), input: { requestId: req.id } })).toEqual({ valid: 1, needed: 2 });
    await expect(applyApproved({ ctx: await as(people.second), input: { requestId: req.id } })).rejects.toMatchObject({ code: "APPROVAL_REQUIRED", message: expect.stringContaining("needs 2 approvals") });
    expect(await approveApply({ ctx: await as(people.admin), input: { requestId: req.id } })).toEqual({ valid: 2, needed: 2 });
    // Any deployer may start it once approved, not only the requester (the sandbox is open to editors).
    const { id } = await applyApproved({ ctx: await as(people.second), input: { requestId: req.id } });
    await applies.finished(id);
    expect(await db.apply.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "succeeded" });
  });

  it("voids the approval when the design is saved again, and when the environment points elsewhere", async () => {
    const env = await protectedEnv();
    const { id: designId } = await designWithCluster("changed");
    const deployer = await as(people.deployer);
    const first = await plannedRequest(deployer, designId, env.id);
    await approveApply({ ctx: await as(people.approver), input: { requestId: first.id } });
    await saveDesign({ ctx: admin(), input: { id: designId, expectedVersion: 1, document: { ...webDesign(), clusters: [{ id: "cl", clusterName: "changed-2" }], services: [], taskDefinitions: [] } } });
    await expect(applyApproved({ ctx: deployer, input: { requestId: first.id } })).rejects.toMatchObject({ code: "PLAN_CHANGED", message: expect.stringContaining("now version 2") });
    expect(await db.applyRequest.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "void", reason: expect.stringContaining("The approval is void") });
    expect(await db.apply.count({ where: { designId } })).toBe(0);
    expect((await auditOf(first.id)).at(-1)).toMatchObject({ outcome: "failed", reason: expect.stringContaining("The plan changed") });

    // Approved again for version 2; then an admin points the environment at another Region (another account's world).
    const second = await plannedRequest(deployer, designId, env.id);
    await approveApply({ ctx: await as(people.approver), input: { requestId: second.id } });
    await updateEnvironment({ ctx: admin(), input: { id: env.id, name: env.name, kind: "sandbox", region: "us-east-1", readOnly: false, protected: true, clearExternalId: false } });
    await expect(applyApproved({ ctx: deployer, input: { requestId: second.id } })).rejects.toMatchObject({ code: "PLAN_CHANGED", message: expect.stringContaining("the account, its resources or the environment's settings changed") });
    expect(await db.applyRequest.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "void" });
  });

  it("counts an approval for its expiry only, and asks for a fresh sign-in after ten minutes", async () => {
    const env = await protectedEnv();
    const { id: designId } = await designWithCluster("expiry");
    const req = await plannedRequest(await as(people.deployer), designId, env.id);
    await approveApply({ ctx: await as(people.approver), input: { requestId: req.id } });
    offsetMs = 61 * 60_000;
    try {
      const deployer = await as(people.deployer);
      // An hour on, the sign-in is old: confirm the password first (a wrong one is refused and on record).
      await expect(applyApproved({ ctx: deployer, input: { requestId: req.id } })).rejects.toMatchObject({ code: "FRESH_SIGN_IN_REQUIRED" });
      await expect(confirmPassword({ ctx: deployer, input: { password: "not my password at all" } })).rejects.toMatchObject({ code: "VALIDATION" });
      await confirmPassword({ ctx: deployer, input: { password: PASSWORD } });
      await expect(applyApproved({ ctx: deployer, input: { requestId: req.id } })).rejects.toMatchObject({
        code: "APPROVAL_REQUIRED", message: expect.stringContaining("it has 0 (1 more expired: an approval counts for 60 minutes)"),
      });
      // A new approval counts again.
      await approveApply({ ctx: await as(people.approver), input: { requestId: req.id } });
      const { id } = await applyApproved({ ctx: deployer, input: { requestId: req.id } });
      await applies.finished(id);
      const sessionRows = await db.auditEvent.findMany({ where: { actorId: people.deployer.person.id, targetType: "session" }, orderBy: { id: "asc" } });
      expect(sessionRows.map((r) => r.outcome)).toEqual(["denied", "ok"]);
    } finally {
      offsetMs = 0;
    }
  });

  it("closes a request on a rejection, with the reason", async () => {
    const env = await protectedEnv();
    const { id: designId } = await designWithCluster("rejected");
    const req = await plannedRequest(await as(people.deployer), designId, env.id);
    await expect(rejectApply({ ctx: await as(people.deployer), input: { requestId: req.id, reason: "changed my mind" } })).rejects.toMatchObject({ code: "REFUSED" });
    await rejectApply({ ctx: await as(people.approver), input: { requestId: req.id, reason: "not during the freeze" } });
    expect(await db.applyRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "rejected", reason: `Rejected by ${people.approver.person.email}: not during the freeze` });
    await expect(approveApply({ ctx: await as(people.second), input: { requestId: req.id } })).rejects.toMatchObject({ code: "REFUSED" });
    await expect(applyApproved({ ctx: await as(people.deployer), input: { requestId: req.id } })).rejects.toMatchObject({ code: "REFUSED", message: expect.stringContaining("is rejected") });
  });
});
