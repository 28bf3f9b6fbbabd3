import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Actions read the request through next/headers: here, a signed-in admin's.
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { rmSync, statSync } from "node:fs";
import { getDb, type Db } from "@/lib/db";
import {
  createEnvironment, deleteEnvironment, getEnvironment, listEnvironments, openSecret, SANDBOX_ENVIRONMENT_ID,
  secretKeyFile, sealSecret, testConnection, updateEnvironment, CreateEnvironmentInputSchema, UpdateEnvironmentInputSchema,
} from "@/lib/server/environments";
import { RefusedError, ValidationError } from "@/lib/server/errors";
import { createEnvironmentAction, listEnvironmentsForClient } from "@/lib/actions/environments";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { requestScope } from "./helpers/request-scope";
import { signedIn } from "./helpers/sign-in";

let tdb: TestDatabase;
let db: Db;
const savedStore = process.env.STEVEDORE_SANDBOX_STORE;

beforeAll(async () => {
  // The built-in sandbox is reached in-process; keep its state in memory for this file.
  process.env.STEVEDORE_SANDBOX_STORE = "memory";
  tdb = await createTestDatabase();
  db = await tdb.client();
  tdb.useForApp();
  requestScope.use((await signedIn(await getDb(), "admin")).headers);
});
afterAll(async () => {
  requestScope.clear();
  process.env.STEVEDORE_SANDBOX_STORE = savedStore;
  await tdb.drop();
});

const aws = (over: Record<string, unknown> = {}) =>
  CreateEnvironmentInputSchema.parse({ name: "prod", kind: "aws", region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/deploy", externalId: "s3cr3t-ext-id", readOnly: true, ...over });

describe("environments", () => {
  it("always has the built-in sandbox, which cannot be deleted", async () => {
    const ctx = testCtx(db);
    const list = await listEnvironments({ ctx });
    expect(list[0]).toMatchObject({ id: SANDBOX_ENVIRONMENT_ID, kind: "sandbox", builtIn: true, readOnly: false });
    await expect(deleteEnvironment({ ctx, input: { id: SANDBOX_ENVIRONMENT_ID } })).rejects.toBeInstanceOf(RefusedError);
  });

  it("creates, edits and deletes an AWS environment; the external id is stored sealed and never returned", async () => {
    const ctx = testCtx(db);
    const env = await createEnvironment({ ctx, input: aws() });
    expect(env).toMatchObject({ name: "prod", kind: "aws", roleArn: "arn:aws:iam::123456789012:role/deploy", hasExternalId: true, readOnly: true, builtIn: false });
    expect(JSON.stringify(env)).not.toContain("s3cr3t-ext-id");
    expect(JSON.stringify(await listEnvironments({ ctx }))).not.toContain("s3cr3t");
    const row = await db.environment.findUniqueOrThrow({ where: { id: env.id } });
    expect(row.externalIdSecret).not.toContain("s3cr3t");
    expect(openSecret(row.externalIdSecret!)).toBe("s3cr3t-ext-id");

    // Leaving the external id out keeps it; clearing removes it.
    const renamed = await updateEnvironment({ ctx, input: UpdateEnvironmentInputSchema.parse({ ...aws({ name: "production", externalId: "" }), id: env.id }) });
    expect(renamed).toMatchObject({ name: "production", hasExternalId: true });
    const cleared = await updateEnvironment({ ctx, input: UpdateEnvironmentInputSchema.parse({ ...aws({ externalId: undefined }), id: env.id, clearExternalId: true }) });
    expect(cleared.hasExternalId).toBe(false);

    await expect(createEnvironment({ ctx, input: aws({ name: "prod" }) })).rejects.toBeInstanceOf(ValidationError);
    await deleteEnvironment({ ctx, input: { id: env.id } });
    await expect(getEnvironment({ ctx, input: { id: env.id } })).rejects.toThrow(/does not exist/);
  });

  it("rejects invalid input at the action, with field issues", async () => {
    const r = await createEnvironmentAction({ name: "", kind: "aws", region: "Europe", roleArn: "not-an-arn" });
    expect(r.ok).toBe(false);
    expect("issues" in r).toBe(true);
    if (!r.ok && "issues" in r) expect(r.issues?.map((i) => i.path).sort()).toEqual(["name", "region", "roleArn"]);
    const sandboxWithRole = await createEnvironmentAction({ name: "x", kind: "sandbox", region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/x" });
    expect(sandboxWithRole).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("the actions never send the external id to the browser", async () => {
    const r = await createEnvironmentAction({ ...aws({ name: "staging" }) });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain("s3cr3t");
    expect(JSON.stringify(await listEnvironmentsForClient())).not.toContain("s3cr3t");
  });

  it("tests the connection of the built-in sandbox in-process, and reports a failing AWS one clearly", async () => {
    const ctx = testCtx(db);
    const ok = await testConnection({ ctx, input: { id: SANDBOX_ENVIRONMENT_ID } });
    expect(ok).toMatchObject({ ok: true, region: "eu-west-1", answeredBy: "the built-in sandbox" });
    const broken = await createEnvironment({ ctx, input: CreateEnvironmentInputSchema.parse({ name: "nowhere", kind: "aws", region: "eu-west-1", endpoint: "http://127.0.0.1:9/", profile: "stevedore-missing-profile" }) });
    const r = await testConnection({ ctx, input: { id: broken.id } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
  });

  it("seals secrets with a key file of mode 0600 when no key is configured", () => {
    const saved = { dir: process.env.STEVEDORE_DATA_DIR, key: process.env.STEVEDORE_SECRET_KEY };
    const dir = `/tmp/stevedore-secret-test-${process.pid}`;
    process.env.STEVEDORE_DATA_DIR = `${dir}/pglite`;
    delete process.env.STEVEDORE_SECRET_KEY;
    try {
      const sealed = sealSecret("abc");
      expect(openSecret(sealed)).toBe("abc");
      expect(statSync(secretKeyFile()).mode & 0o777).toBe(0o600);
      process.env.STEVEDORE_SECRET_KEY = "another key";
      expect(() => openSecret(sealed)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.env.STEVEDORE_DATA_DIR = saved.dir;
      if (saved.key === undefined) delete process.env.STEVEDORE_SECRET_KEY; else process.env.STEVEDORE_SECRET_KEY = saved.key;
    }
  });
});
