import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "@/lib/db";
import { ACTION_PERMISSIONS, type ActionName } from "@/lib/domain/access";
import { REDACTED } from "@/lib/domain/audit";
import * as applies from "@/lib/actions/applies";
import * as approvals from "@/lib/actions/approvals";
import * as designs from "@/lib/actions/designs";
import * as environments from "@/lib/actions/environments";
import * as learn from "@/lib/actions/learn";
import * as monitor from "@/lib/actions/monitor";
import * as people from "@/lib/actions/people";
import * as sso from "@/lib/actions/sso";
import { TARGET_PREFIX, handleEcsRequest } from "@/lib/sandbox/http";
import { pruneAuditTrail } from "@/lib/server/audit";
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_REGION } from "@/lib/server/environments";
import { getApply } from "@/lib/server/applies";
import { sandboxDeps } from "@/lib/server/sandbox";
import { sampleDesign, testCtx } from "./helpers/fixtures";
import { requestScope } from "./helpers/request-scope";
import { authRequest, browserHeaders, PASSWORD, sessionCookie, signIn, signedIn, signedInApp, type SignedIn } from "./helpers/sign-in";

// The audit trail: every state-changing action of the permission table writes its row (in the
// same transaction as the change, where the operation writes it), refusals and sign-in events are
// recorded, secrets are not, and the rows can be neither changed nor deleted but by retention.

let db: Db;
let admin: SignedIn;
const app = signedInApp({ memorySandbox: true });
beforeAll(() => ({ db, admin } = app));

const json = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? String(x) : x));
const rowsOf = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
const must = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

describe("the audit trail", () => {
  it("records every state-changing action of the table, by its name, with who did it", async () => {
    requestScope.use(admin.headers);
    const design = must(await designs.createDesignAction({ name: "Audited", document: sampleDesign() }));
    must(await designs.saveDesignAction({ id: design.id, expectedVersion: 1, document: sampleDesign({ services: [] }) }));
    must(await designs.renameDesignAction({ id: design.id, name: "Audited again" }));
    const copy = must(await designs.duplicateDesignAction({ id: design.id }));
    must(await designs.restoreRevisionAction({ id: design.id, version: 1, expectedVersion: 2 }));
    must(await designs.importDesignAction({ name: "Imported", text: JSON.stringify(sampleDesign()) }));
    must(await designs.deleteDesignAction({ id: copy.id }));
    const td = sampleDesign().taskDefinitions[0];
    must(await designs.setContainerImageAction({ designId: design.id, taskDefinitionId: td.id, containerName: td.containerDefinitions[0].name, image: "nginx:1.27" }));

    const env = must(await environments.createEnvironmentAction({ name: "audited", kind: "aws", region: "eu-west-1", externalId: "s3cr3t-ext-id", roleArn: "arn:aws:iam::123456789012:role/deploy" }));
    must(await environments.updateEnvironmentAction({ id: env.id, name: "audited", kind: "aws", region: "eu-west-2", roleArn: "arn:aws:iam::123456789012:role/deploy" }));
    must(await environments.deleteEnvironmentAction({ id: env.id }));

    // A cluster in the app's sandbox to import, then plan and apply the design to the sandbox.
    const sandbox = sandboxDeps();
    const auth = `AWS4-HMAC-SHA256 Credential=x/20260101/${SANDBOX_REGION}/ecs/aws4_request, SignedHeaders=host, Signature=0`;
    await handleEcsRequest({ headers: { "x-amz-target": `${TARGET_PREFIX}CreateCluster`, authorization: auth }, body: JSON.stringify({ clusterName: "audited" }) }, sandbox);
    must(await environments.importClusterAction({ environmentId: SANDBOX_ENVIRONMENT_ID, cluster: "audited" }));
    must(await environments.refreshPricesAction({ environmentId: SANDBOX_ENVIRONMENT_ID, region: "us-east-1" }));
    const plan = must(await applies.planDesignAction({ designId: design.id, environmentId: SANDBOX_ENVIRONMENT_ID }));
    const started = must(await applies.startApplyAction({ designId: design.id, environmentId: SANDBOX_ENVIRONMENT_ID, designVersion: plan.designVersion, fingerprint: plan.fingerprint }));
    await expect.poll(async () => (await getApply({ ctx: testCtx(db), input: { id: started.id } })).status, { timeout: 20_000 }).not.toBe("running");
    // An owner that died before it recorded the end: its row still running, its heartbeat long stale. Resuming takes it over.
    await db.apply.update({ where: { id: started.id }, data: { status: "running", owner: "a-stopped-instance", heartbeatAt: new Date(0) } });
    must(await applies.resumeApplyAction({ id: started.id }));
    await expect.poll(async () => (await getApply({ ctx: testCtx(db), input: { id: started.id } })).status, { timeout: 20_000 }).not.toBe("running");

    // The service page's sandbox load and a one-off task in the applied cluster.
    must(await monitor.setSimulatedLoadAction({ envId: SANDBOX_ENVIRONMENT_ID, cluster: "main", service: "web", shape: { kind: "constant", rps: 5 } }));
    must(await monitor.runTaskAction({ envId: SANDBOX_ENVIRONMENT_ID, cluster: "main", source: { kind: "registered", taskDefinition: "web" }, options: { launchType: "FARGATE", network: { subnets: ["subnet-0a1b2c3d"] } } }));

    // A protected sandbox-kind environment: a grant and groups, a request rejected, one approved by someone else and applied.
    const prot = must(await environments.createEnvironmentAction({ name: "audited-protected", kind: "sandbox", region: SANDBOX_REGION, protected: true }));
    const approver = await signedIn(db, "viewer");
    const grant = must(await approvals.addGrantAction({ environmentId: prot.id, subjectKind: "person", subject: approver.person.id, role: "approver" }));
    must(await approvals.setGroupsAction({ personId: approver.person.id, groups: ["release"] }));
    const guarded = must(await designs.createDesignAction({ name: "Guarded", document: sampleDesign({ clusters: [{ id: "cl-g", clusterName: "audited-guarded" }], services: [], taskDefinitions: [] }) }));
    const ask = async () => {
      requestScope.use(admin.headers);
      const p = must(await applies.planDesignAction({ designId: guarded.id, environmentId: prot.id }));
      return must(await approvals.requestApplyAction({ designId: guarded.id, environmentId: prot.id, designVersion: p.designVersion, fingerprint: p.fingerprint }));
    };
    const rejected = await ask();
    requestScope.use(approver.headers);
    must(await approvals.rejectApplyAction({ requestId: rejected.id, reason: "not during the freeze" }));
    const approved = await ask();
    requestScope.use(approver.headers);
    must(await approvals.approveApplyAction({ requestId: approved.id }));
    requestScope.use(admin.headers);
    must(await approvals.confirmPasswordAction({ password: PASSWORD }));
    const guardedApply = must(await approvals.applyApprovedAction({ requestId: approved.id }));
    await expect.poll(async () => (await getApply({ ctx: testCtx(db), input: { id: guardedApply.id } })).status, { timeout: 20_000 }).toBe("succeeded");
    must(await approvals.removeGrantAction({ id: grant.id }));
    expect((await rowsOf("applyApprovedAction")).at(-1)).toMatchObject({
      targetType: "apply", targetId: guardedApply.id, environmentId: prot.id, after: { requestId: approved.id, planHash: approved.planHash, approvers: [approver.person.email] },
    });
    expect((await rowsOf("approveApplyAction")).at(-1)).toMatchObject({ actorId: approver.person.id, targetType: "apply-request", targetId: approved.id, after: { planHash: approved.planHash } });

    const lessonId = "service-self-healing";
    must(await learn.startLessonAction({ lessonId }));
    must(await learn.showSolutionAction({ lessonId, stepId: "add-service" }));
    must(await learn.checkStepAction({ lessonId, stepId: "add-service" }));
    must(await learn.sandboxActionAction({ lessonId, stepId: "two-running", actionId: "apply" }));
    must(await learn.resetLessonAction({ lessonId }));

    const withdrawn = must(await people.invitePersonAction({ email: "gone@example.com", role: "viewer" }));
    must(await people.revokeInviteAction({ id: withdrawn.id }));
    const invite = must(await people.invitePersonAction({ email: "new@example.com", role: "viewer" }));
    requestScope.use(browserHeaders());
    const newcomer = must(await people.acceptInviteAction({ token: invite.token, name: "New", password: PASSWORD }));
    const first = sessionCookie(await signIn(newcomer.email))!;
    const second = sessionCookie(await signIn(newcomer.email))!;
    requestScope.use(browserHeaders({ cookie: first }));
    const other = (await db.session.findMany({ where: { userId: newcomer.id } })).find((s) => second.includes(s.token.slice(0, 10)))!;
    must(await people.revokeSessionAction({ sessionId: other.id }));
    const key = must(await people.createAccessKeyAction({}));
    must(await people.revokeAccessKeyAction({ accessKeyId: key.accessKeyId }));
    requestScope.use(admin.headers);
    must(await people.changeRoleAction({ personId: newcomer.id, role: "editor" }));
    must(await people.removePersonAction({ personId: newcomer.id }));

    must(await sso.saveSsoProviderAction({ id: "okta", label: "Okta", issuer: "https://example.okta.com", clientId: "app", clientSecret: "sso-client-s3cret", groupRoles: [{ group: "ops", role: "admin" }] }));
    must(await sso.deleteSsoProviderAction({ id: "okta" }));
    const [ssoSaved] = await rowsOf("saveSsoProviderAction");
    expect(ssoSaved).toMatchObject({ targetType: "sso-provider", targetId: "okta", after: { clientSecretChanged: true, groupRoles: [{ group: "ops", role: "admin" }] } });
    expect(JSON.stringify(ssoSaved.after)).not.toContain("sso-client-s3cret");

    // Setup can only be completed on an empty database: tests/integration/auth/setup.test.ts.
    // The service-page actions need a deployment paused at a hook: their rows are checked in
    // tests/integration/monitor-deployments.test.ts.
    const elsewhere: ActionName[] = ["completeSetupAction", "continueServiceDeploymentAction", "rollBackServiceDeploymentAction", "forceNewDeploymentAction", "setDesiredCountAction"];
    const recorded = (Object.keys(ACTION_PERMISSIONS) as ActionName[]).filter((n) => ACTION_PERMISSIONS[n].record !== false && !elsewhere.includes(n));
    for (const name of recorded) {
      const rows = await rowsOf(name);
      expect(rows.filter((r) => r.outcome === "ok").length, `${name} wrote no row`).toBeGreaterThan(0);
    }
    // A new action file is a new set of actions this test must do.
    expect(readdirSync(join(__dirname, "../../lib/actions")).filter((f) => /^[a-z-]+\.ts$/.test(f) && !/(-types|result|run-action)\.ts$/.test(f)).sort())
      .toEqual(["applies.ts", "approvals.ts", "designs.ts", "environments.ts", "learn.ts", "monitor.ts", "people.ts", "setup.ts", "sso.ts"]);

    // Who, and what changed.
    const [save] = await rowsOf("saveDesignAction");
    expect(save).toMatchObject({
      actorKind: "person", actorId: admin.person.id, actorEmail: admin.person.email, actorRole: "admin", signInMethod: "password",
      ip: expect.any(String), userAgent: "vitest", requestId: expect.any(String),
      targetType: "design", targetId: design.id, before: { version: 1 }, after: { version: 2 }, outcome: "ok",
    });
    const [accepted] = await rowsOf("acceptInviteAction");
    expect(accepted).toMatchObject({ actorId: newcomer.id, actorRole: "viewer", targetId: newcomer.id });
    const [apply] = await rowsOf("startApplyAction");
    expect(apply).toMatchObject({ environmentId: SANDBOX_ENVIRONMENT_ID, after: { input: { designId: design.id, fingerprint: plan.fingerprint } } });
    // Reads are not.
    expect(await rowsOf("planDesignAction")).toEqual([]);
  }, 60_000);

  it("never holds a secret: an environment's external id is redacted", async () => {
    const rows = await db.auditEvent.findMany({ where: { targetType: "environment" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(json(rows)).not.toContain("s3cr3t");
    const created = rows.find((r) => r.action === "createEnvironmentAction" && (r.after as { name?: string } | null)?.name === "audited")!;
    expect(created.after).toMatchObject({ name: "audited", hasExternalId: true });
    const invited = (await rowsOf("acceptInviteAction"))[0];
    expect(json(invited)).not.toContain(PASSWORD);
    expect(REDACTED).toBe("[redacted]");
  });

  it("writes the row in the same transaction as the change: no row, no change", async () => {
    requestScope.use(admin.headers);
    // The audit trail refuses this one action's row: the design it records must not exist either.
    await db.$executeRawUnsafe(`ALTER TABLE "audit_events" ADD CONSTRAINT "test_refuse" CHECK ("action" <> 'createDesignAction' AND "action" <> 'saveDesignAction') NOT VALID`);
    try {
      const before = await db.design.count();
      expect(await designs.createDesignAction({ name: "Never", document: sampleDesign() })).toMatchObject({ ok: false, code: "INTERNAL" });
      expect(await db.design.count()).toBe(before);
      const { id } = await testCtxDesign();
      expect(await designs.saveDesignAction({ id, expectedVersion: 1, document: sampleDesign({ services: [] }) })).toMatchObject({ ok: false, code: "INTERNAL" });
      expect(await db.design.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: 1 });
      expect(await db.designRevision.count({ where: { designId: id } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "audit_events" DROP CONSTRAINT "test_refuse"`);
    }
    // And a save that changes nothing (a stale version) writes nothing.
    const { id } = await testCtxDesign();
    const rows = (await rowsOf("saveDesignAction")).length;
    expect(await designs.saveDesignAction({ id, expectedVersion: 7, document: sampleDesign() })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await rowsOf("saveDesignAction")).filter((r) => r.outcome === "ok")).toHaveLength(rows);
  });

  it("records refusals with the reason, and sign-in, sign-out and password changes", async () => {
    const viewer = await signedIn(db, "viewer");
    requestScope.use(viewer.headers);
    await designs.deleteDesignAction({ id: "00000000-0000-4000-8000-000000000000" });
    expect((await rowsOf("deleteDesignAction")).at(-1)).toMatchObject({
      outcome: "denied", actorId: viewer.person.id, reason: "Deleting designs needs the editor role; you are a viewer. Ask an admin to change your role.",
    });
    requestScope.use(browserHeaders({ cookie: viewer.cookie, origin: "https://evil.example" }));
    await designs.createDesignAction({ name: "CSRF" });
    expect((await rowsOf("createDesignAction")).at(-1)).toMatchObject({ outcome: "denied", reason: expect.stringMatching(/another site/) });

    expect((await signIn(viewer.person.email, "not the password")).status).toBe(401);
    const signIns = await rowsOf("sign-in");
    expect(signIns.at(-1)).toMatchObject({ outcome: "failed", actorKind: "anonymous", reason: "wrong email or password", after: { email: viewer.person.email } });
    expect(signIns.find((r) => r.actorId === viewer.person.id)).toMatchObject({ outcome: "ok", targetId: viewer.person.id });
    expect((await authRequest("/sign-out", {}, { cookie: viewer.cookie })).status).toBe(200);
    expect((await rowsOf("sign-out")).at(-1)).toMatchObject({ outcome: "ok", actorId: viewer.person.id });
  });

  it("is append-only: no update, no delete, no truncate, but the retention job's", async () => {
    const [row] = await db.auditEvent.findMany({ take: 1 });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { outcome: "denied" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "audit_events"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ outcome: row.outcome });

    const total = await db.auditEvent.count();
    const old = await db.auditEvent.create({ data: { at: new Date("2020-01-01T00:00:00Z"), actorKind: "system", action: "ancient", outcome: "ok" } });
    // As of mid-2025: the 2020 row is past a year; the tests' own rows (2025 and now) are not.
    expect(await pruneAuditTrail(db, new Date("2025-06-01T00:00:00Z"), 365)).toBe(1);
    expect(await db.auditEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.auditEvent.count()).toBe(total);
  });
});

describe("reading the audit trail", () => {
  it("filters by person and action and exports NDJSON, for admins", async () => {
    const { GET } = await import("@/app/api/audit/route");
    const get = (q: string) => GET(new Request(`http://stevedore.test/api/audit?${q}`, { headers: admin.headers }), {});
    const res = await get(`person=${encodeURIComponent(admin.person.email)}&action=saveDesignAction&format=ndjson`);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    expect(res.headers.get("content-disposition")).toMatch(/stevedore-audit\.ndjson/);
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatchObject({ action: "saveDesignAction", actor: { email: admin.person.email } });
    const bad = await get("from=yesterday");
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues[0]).toMatchObject({ path: "from" });
  });
});

async function testCtxDesign() {
  const { createDesign } = await import("@/lib/server/designs/create-design");
  return createDesign({ ctx: testCtx(db), input: { name: "Plain", document: sampleDesign() } });
}
