import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson, type Db } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { sampleDesign } from "./helpers/fixtures";

// The migration SQL is written by hand (no schema engine here), so this proves it builds what
// the generated Prisma client expects: every model and relation round-trips through the client.

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
});
afterAll(() => tdb.drop());

describe("migrations build exactly what the Prisma schema expects", () => {
  it("creates, reads, updates and deletes a Design with the schema's defaults", async () => {
    const created = await db.design.create({ data: { name: "Shop", document: toJson(sampleDesign()) } });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.version).toBe(1);
    expect(created.description).toBe("");
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.updatedAt).toBeInstanceOf(Date);

    const read = await db.design.findUniqueOrThrow({ where: { id: created.id } });
    expect(read.document).toEqual(sampleDesign());

    const updated = await db.design.update({
      where: { id: created.id },
      data: { name: "Shop 2", description: "d", version: { increment: 1 }, document: toJson({ ...sampleDesign(), services: [] }) },
    });
    expect(updated).toMatchObject({ name: "Shop 2", description: "d", version: 2 });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

    await db.design.delete({ where: { id: created.id } });
    expect(await db.design.findUnique({ where: { id: created.id } })).toBeNull();
  });

  it("keeps names to 200 characters, as VarChar(200) says", async () => {
    await expect(db.design.create({ data: { name: "x".repeat(201), document: {} } })).rejects.toThrow();
    const ok = await db.design.create({ data: { name: "x".repeat(200), document: {} } });
    await db.design.delete({ where: { id: ok.id } });
  });

  it("creates, reads, updates and deletes a DesignRevision through the relation", async () => {
    const design = await db.design.create({
      data: {
        name: "With history",
        document: toJson(sampleDesign()),
        revisions: { create: [{ version: 1, name: "v1", document: toJson(sampleDesign({ services: [] })) }] },
      },
      include: { revisions: true },
    });
    expect(design.revisions).toHaveLength(1);
    const rev = design.revisions[0];
    expect(rev.designId).toBe(design.id);
    expect(rev.createdAt).toBeInstanceOf(Date);

    const byKey = await db.designRevision.findUniqueOrThrow({
      where: { designId_version: { designId: design.id, version: 1 } },
      include: { design: true },
    });
    expect(byKey.design.name).toBe("With history");

    await db.designRevision.update({ where: { id: rev.id }, data: { name: "renamed" } });
    expect((await db.designRevision.findUniqueOrThrow({ where: { id: rev.id } })).name).toBe("renamed");
    await db.designRevision.delete({ where: { id: rev.id } });
    expect(await db.designRevision.count({ where: { designId: design.id } })).toBe(0);
    await db.design.delete({ where: { id: design.id } });
  });

  it("refuses a second revision with the same design and version", async () => {
    const design = await db.design.create({ data: { name: "Unique", document: {} } });
    await db.designRevision.create({ data: { designId: design.id, version: 1, name: "a", document: {} } });
    await expect(db.designRevision.create({ data: { designId: design.id, version: 1, name: "b", document: {} } }))
      .rejects.toMatchObject({ code: "P2002" });
    await db.design.delete({ where: { id: design.id } });
  });

  it("refuses a revision of a design that does not exist (foreign key)", async () => {
    await expect(db.designRevision.create({
      data: { designId: "00000000-0000-4000-8000-000000000000", version: 1, name: "orphan", document: {} },
    })).rejects.toThrow();
  });

  it("deleting a design deletes its revisions (cascade)", async () => {
    const design = await db.design.create({
      data: {
        name: "Cascade",
        document: {},
        revisions: { create: [1, 2, 3].map((version) => ({ version, name: `v${version}`, document: {} })) },
      },
    });
    expect(await db.designRevision.count({ where: { designId: design.id } })).toBe(3);
    await db.design.delete({ where: { id: design.id } });
    expect(await db.designRevision.count({ where: { designId: design.id } })).toBe(0);
  });

  it("has the index the design list orders by", async () => {
    const rows = await db.$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE tablename IN ('designs', 'design_revisions') ORDER BY indexname`;
    expect(rows.map((r) => r.indexname)).toEqual([
      "design_revisions_design_id_version_key",
      "design_revisions_pkey",
      "designs_pkey",
      "designs_updated_at_idx",
    ]);
  });
});

describe("single sign-on providers", () => {
  it("round-trips a provider with the schema's defaults; ids are unique and at most 40 characters", async () => {
    const p = await db.ssoProvider.create({ data: { id: "okta", label: "Okta", issuer: "https://x.okta.com", clientId: "c", clientSecretSealed: "v1:a:b:c" } });
    expect(p).toMatchObject({ scopes: ["openid", "email", "profile"], groupsClaim: "groups", groupRoles: {}, defaultRole: null, enabled: true });
    expect(p.createdAt).toBeInstanceOf(Date);
    const u = await db.ssoProvider.update({ where: { id: "okta" }, data: { groupRoles: { ops: "admin" }, defaultRole: "viewer", enabled: false } });
    expect(u).toMatchObject({ groupRoles: { ops: "admin" }, defaultRole: "viewer", enabled: false });
    await expect(db.ssoProvider.create({ data: { id: "okta", label: "Again", issuer: "https://y", clientId: "c", clientSecretSealed: "" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.ssoProvider.create({ data: { id: "x".repeat(41), label: "Long", issuer: "https://y", clientId: "c", clientSecretSealed: "" } })).rejects.toThrow();
    await db.ssoProvider.delete({ where: { id: "okta" } });
    expect(await db.ssoProvider.count()).toBe(0);
  });
});

describe("refreshed price tables", () => {
  it("round-trips one Region's table; a Region has one row, its name at most 30 characters", async () => {
    const data = { region: "eu-west-1", priceDate: "2026-12-08", prices: { region: "eu-west-1", ec2: {} }, products: 12, refreshedAt: new Date() };
    expect(await db.priceTableRefresh.create({ data })).toMatchObject({ ...data, environmentId: null });
    await expect(db.priceTableRefresh.create({ data })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.priceTableRefresh.create({ data: { ...data, region: "x".repeat(31) } })).rejects.toThrow();
    expect(await db.priceTableRefresh.update({ where: { region: "eu-west-1" }, data: { products: 13, environmentId: "env" } })).toMatchObject({ products: 13, environmentId: "env" });
    await db.priceTableRefresh.delete({ where: { region: "eu-west-1" } });
    expect(await db.priceTableRefresh.count()).toBe(0);
  });
});

describe("the sign-in tables are what better-auth's Prisma models expect", () => {
  it("round-trips a person with a session, an account, a sandbox access key, an invitation and setup; deleting the person cascades", async () => {
    const user = await db.user.create({ data: { name: "Ana", email: "ana@example.com" } });
    expect(user).toMatchObject({ role: "viewer", emailVerified: false, image: null });
    expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
    const session = await db.session.create({ data: { userId: user.id, token: "t1", expiresAt: new Date(Date.now() + 60_000) } });
    expect(session.signInMethod).toBe("password");
    await db.account.create({ data: { userId: user.id, accountId: user.id, providerId: "credential", password: "hash" } });
    await db.invitation.create({ data: { email: "bo@example.com", role: "editor", tokenHash: "h1", invitedById: user.id, expiresAt: new Date() } });
    await db.authSetup.create({ data: { tokenHash: "s", issuedAt: new Date(), completedBy: user.id, completedAt: new Date() } });
    await db.verification.create({ data: { identifier: "state", value: "v", expiresAt: new Date() } });
    await db.rateLimit.create({ data: { key: "1.2.3.4/sign-in/email", count: 1, lastRequest: BigInt(Date.now()) } });
    const key = await db.sandboxAccessKey.create({ data: { id: "AKIAABCDEFGHIJKLMNOP", userId: user.id, secretSealed: "v1:sealed" } });
    expect(key).toMatchObject({ lastUsedAt: null, createdAt: expect.any(Date) });
    await expect(db.sandboxAccessKey.create({ data: { id: "AKIAABCDEFGHIJKLMNOP", userId: user.id, secretSealed: "x" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.session.create({ data: { userId: user.id, token: "t1", expiresAt: new Date() } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.user.create({ data: { name: "Twin", email: "ana@example.com" } })).rejects.toMatchObject({ code: "P2002" });

    await db.user.delete({ where: { id: user.id } });
    expect(await db.session.findUnique({ where: { id: session.id } })).toBeNull();
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.sandboxAccessKey.count({ where: { userId: user.id } })).toBe(0);
    // The invitation outlives who sent it.
    expect(await db.invitation.findUniqueOrThrow({ where: { tokenHash: "h1" } })).toMatchObject({ invitedById: null });
    await db.invitation.deleteMany();
    await db.authSetup.deleteMany();
    await db.verification.deleteMany();
    await db.rateLimit.deleteMany();
  });

  it("holds roles to viewer, editor and admin, and setup to one row", async () => {
    await expect(db.user.create({ data: { name: "X", email: "x@example.com", role: "owner" } })).rejects.toThrow();
    await expect(db.invitation.create({ data: { email: "y@example.com", role: "root", tokenHash: "h2", expiresAt: new Date() } })).rejects.toThrow();
    await expect(db.authSetup.create({ data: { id: 2, tokenHash: "s", issuedAt: new Date() } })).rejects.toThrow();
  });
});

describe("the grant and approval tables are what the schema says", () => {
  it("round-trips grants, apply requests, approvals and re-authentications, with their defaults and cascades", async () => {
    const env = await db.environment.create({ data: { name: "schema-approvals", kind: "sandbox", region: "eu-west-1", updatedAt: new Date() } });
    expect(env).toMatchObject({ protected: false, requiredApprovals: 1, approvalExpiryMinutes: 60 });
    const person = "11111111-1111-4111-8111-111111111111";
    const grant = await db.environmentGrant.create({ data: { environmentId: env.id, subjectKind: "group", subject: "platform", role: "deployer" } });
    await expect(db.environmentGrant.create({ data: { environmentId: env.id, subjectKind: "group", subject: "platform", role: "deployer" } })).rejects.toThrow();
    const request = await db.applyRequest.create({
      data: {
        designId: person, designVersion: 3, environmentId: env.id, planHash: "a".repeat(64), fingerprint: "f", plan: toJson({ steps: [] }),
        requestedBy: person, requestedByEmail: "p@example.com", requestedAt: new Date(), requiredApprovals: 2, status: "pending",
      },
    });
    expect(request).toMatchObject({ waitForSteady: false, allowErrors: false, applyId: null, closedAt: null });
    const now = new Date();
    await db.applyApproval.create({ data: { requestId: request.id, approverId: person, approverEmail: "a@example.com", decision: "approve", decidedAt: now, expiresAt: now } });
    await expect(db.applyApproval.create({ data: { requestId: request.id, approverId: person, approverEmail: "a@example.com", decision: "approve", decidedAt: now, expiresAt: now } })).rejects.toThrow();
    await db.sessionReauthentication.upsert({ where: { sessionId: person }, create: { sessionId: person, at: now }, update: { at: now } });
    expect((await db.sessionReauthentication.findUniqueOrThrow({ where: { sessionId: person } })).at.getTime()).toBe(now.getTime());
    await db.applyRequest.delete({ where: { id: request.id } });
    expect(await db.applyApproval.count({ where: { requestId: request.id } })).toBe(0);
    await db.environment.delete({ where: { id: env.id } });
    expect(await db.environmentGrant.findUnique({ where: { id: grant.id } })).toBeNull();
  });
});
