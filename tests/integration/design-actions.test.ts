import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// Only Next's cache is replaced: everything else (parsing, operations, database) is real.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// Actions read the request through next/headers: here, a signed-in editor's.
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import { revalidatePath } from "next/cache";
import {
  createDesignAction, deleteDesignAction, duplicateDesignAction, estimateInstancesAction, importDesignAction,
  readInfrastructureCodeAction, renameDesignAction, restoreRevisionAction, saveDesignAction,
} from "@/lib/actions/designs";
import { createAppContext } from "@/lib/server/context";
import { getDesign } from "@/lib/server/designs/get-design";
import { listRevisions } from "@/lib/server/designs/list-revisions";
import { sampleDesign } from "./helpers/fixtures";
import { targetTrackingEc2 } from "@/lib/domain/learn/lessons/target-tracking-ec2";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { requestScope } from "./helpers/request-scope";
import { signedIn } from "./helpers/sign-in";
import { getDb } from "@/lib/db";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  tdb.useForApp();
  requestScope.use((await signedIn(await getDb(), "editor")).headers);
});
afterAll(() => {
  requestScope.clear();
  return tdb.drop();
});
beforeEach(() => vi.mocked(revalidatePath).mockClear());

async function created(name = "Action design", document: unknown = sampleDesign()) {
  const r = await createDesignAction({ name, document });
  if (!r.ok) throw new Error(`create failed: ${r.message}`);
  return r.data;
}

async function read(id: string) {
  return getDesign({ ctx: await createAppContext(), input: { id } });
}

describe("design actions", () => {
  it("creates a design, trimming the name, and revalidates the list and the design page", async () => {
    const r = await createDesignAction({ name: "  Shop  ", document: sampleDesign() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.version).toBe(1);
    expect((await read(r.data.id)).name).toBe("Shop");
    expect(vi.mocked(revalidatePath).mock.calls.map((c) => c[0])).toEqual(["/", `/designs/${r.data.id}`]);
  });

  it("refuses bad input with VALIDATION and the failing fields, without calling the operation", async () => {
    const r = await createDesignAction({ name: "   " });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.issues?.map((i) => i.path)).toEqual(["name"]);
    expect(await createDesignAction({ name: "x".repeat(201) })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await saveDesignAction({ id: "not-a-uuid", expectedVersion: 1, document: sampleDesign() }))
      .toMatchObject({ ok: false, code: "VALIDATION", issues: [{ path: "id" }] });
    // Anything can arrive over the wire, not only what the types allow.
    expect(await deleteDesignAction(null as never)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("refuses a malformed document with VALIDATION naming the fields", async () => {
    const doc = { ...sampleDesign(), taskDefinitions: [{ id: "td", family: "web", containerDefinitions: [{ name: "app" }] }] };
    const r = await createDesignAction({ name: "Malformed", document: doc });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ path: "taskDefinitions[0].containerDefinitions[0].image" }));
  });

  it("refuses a document over 1 MiB of JSON with TOO_LARGE", async () => {
    const { id } = await created();
    const big = sampleDesign({ layout: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`n${i}`, { x: i, y: -i }])) });
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(1024 * 1024);
    const r = await saveDesignAction({ id, expectedVersion: 1, document: big });
    expect(r).toMatchObject({ ok: false, code: "TOO_LARGE" });
    if (!r.ok) expect(r.message).toMatch(/MiB/);
    expect((await read(id)).version).toBe(1);
    expect(await createDesignAction({ name: "Big", document: big })).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });

  it("saves, and refuses a stale save with CONFLICT leaving the stored document alone", async () => {
    const { id } = await created();
    const next = sampleDesign({ services: [] });
    expect(await saveDesignAction({ id, expectedVersion: 1, document: next })).toEqual({ ok: true, data: { version: 2 } });
    const stale = await saveDesignAction({ id, expectedVersion: 1, document: sampleDesign({ clusters: [] }) });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!stale.ok) expect(stale.message).toMatch(/version 2/);
    const stored = await read(id);
    expect(stored.version).toBe(2);
    expect(stored.document).toEqual(next);
  });

  it("maps a missing design to NOT_FOUND", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(await saveDesignAction({ id, expectedVersion: 1, document: sampleDesign() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await renameDesignAction({ id, name: "x" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await deleteDesignAction({ id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await duplicateDesignAction({ id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await restoreRevisionAction({ id, version: 1, expectedVersion: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("renames, duplicates, restores and deletes", async () => {
    const { id } = await created("Lifecycle");
    expect(await renameDesignAction({ id, name: " Renamed ", description: "why" }))
      .toEqual({ ok: true, data: { id, name: "Renamed", description: "why" } });

    const dup = await duplicateDesignAction({ id });
    expect(dup.ok).toBe(true);
    if (dup.ok) expect((await read(dup.data.id)).name).toBe("Copy of Renamed");

    await saveDesignAction({ id, expectedVersion: 1, document: sampleDesign({ services: [] }) });
    expect(await restoreRevisionAction({ id, version: 1, expectedVersion: 1 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await restoreRevisionAction({ id, version: 1, expectedVersion: 2 })).toEqual({ ok: true, data: { version: 3 } });
    expect((await read(id)).document).toEqual(sampleDesign());
    expect((await listRevisions({ ctx: await createAppContext(), input: { id } })).map((r) => r.version)).toEqual([2, 1]);

    expect(await deleteDesignAction({ id })).toEqual({ ok: true, data: { id } });
    expect(vi.mocked(revalidatePath)).toHaveBeenLastCalledWith(`/designs/${id}`);
    await expect(read(id)).rejects.toThrow(/does not exist/);
  });

  it("imports a task definition and names the design after the file", async () => {
    const text = JSON.stringify({
      family: "api",
      containerDefinitions: [{ name: "api", image: "public.ecr.aws/nginx/nginx:1.27", memory: 512, essential: true }],
    });
    const r = await importDesignAction({ text, fileName: "uploads/api-task.json" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.isArray(r.data.notes)).toBe(true);
    const stored = await read(r.data.id);
    expect(stored.name).toBe("api-task");
    expect(stored.document.taskDefinitions.map((t) => t.family)).toEqual(["api"]);
  });

  it("refuses unreadable import text with VALIDATION and issues", async () => {
    const r = await importDesignAction({ text: "{ not json", fileName: "x.json" });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok) expect(r.issues?.length).toBeGreaterThan(0);
    expect(await importDesignAction({ text: "x".repeat(1024 * 1024 + 1) })).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });

  it("reads Terraform files and a CloudFormation template as a design with notes, saving nothing", async () => {
    const before = await (await getDb()).design.count();
    const tf = await readInfrastructureCodeAction({ files: [
      { name: "main.tf", text: 'resource "aws_ecs_cluster" "main" {\n  name = var.name\n}\nresource "aws_ecs_service" "web" {\n  name = "web"\n  cluster = aws_ecs_cluster.main.arn\n  desired_count = var.n\n}\n' },
      { name: "variables.tf", text: 'variable "name" {\n  default = "shop"\n}\nvariable "n" {}\n' },
    ] });
    expect(tf).toMatchObject({ ok: true, data: { format: "terraform", notes: [{ path: "aws_ecs_service.web.desired_count", message: expect.stringMatching(/var\.n has no default/) }] } });
    if (tf.ok) expect(tf.data.design.services[0]).toMatchObject({ serviceName: "web", cluster: "shop" });
    const cfn = await readInfrastructureCodeAction({ files: [{ name: "t.yaml", text: "Resources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: !Sub '${AWS::StackName}-x'\n" }] });
    expect(cfn).toMatchObject({ ok: true, data: { format: "cloudformation", notes: [{ path: "C.ClusterName" }] } });
    expect(await (await getDb()).design.count()).toBe(before);
  });

  it("creates a design from a Terraform file, its notes returned", async () => {
    const r = await importDesignAction({ fileName: "infra/main.tf", text: 'resource "aws_ecs_cluster" "main" {\n  name = "from-tf"\n  count = 2\n}\n' });
    expect(r).toMatchObject({ ok: true, data: { notes: [{ severity: "warning", path: "aws_ecs_cluster.main.count" }] } });
    if (r.ok) expect((await read(r.data.id)).document.clusters.map((c) => c.clusterName)).toEqual(["from-tf"]);
  });

  it("refuses unreadable or oversized infrastructure code with VALIDATION, naming the file and line or the field", async () => {
    const bad = await readInfrastructureCodeAction({ files: [{ name: "main.tf", text: 'resource "aws_ecs_cluster" "a" {\n  name =\n}\n' }] });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", issues: [{ path: "main.tf:2" }] });
    const big = await readInfrastructureCodeAction({ files: [{ name: "main.tf", text: "#".repeat(1024 * 1024 + 1) }] });
    expect(big).toMatchObject({ ok: false, code: "VALIDATION", issues: [{ path: "files", message: "the files are larger than 1 MiB together" }] });
    expect(await readInfrastructureCodeAction({ files: [] })).toMatchObject({ ok: false, code: "VALIDATION", issues: [{ path: "files" }] });
  });

  it("returns INTERNAL with a generic message when something unexpected fails", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const ctx = await createAppContext();
    // The design and its audit row are written in one transaction.
    const boom = vi.spyOn(ctx.db, "$transaction").mockRejectedValueOnce(new Error("connection reset by peer"));
    try {
      const r = await createDesignAction({ name: "Unlucky" });
      expect(r).toMatchObject({ ok: false, code: "INTERNAL" });
      if (!r.ok) expect(r.message).not.toMatch(/connection reset/);
      expect(spy).toHaveBeenCalled();
    } finally {
      boom.mockRestore();
      spy.mockRestore();
    }
  });
});

describe("estimateInstancesAction", () => {
  it("counts the instances the design's capacity providers need with the sandbox's placement, and names a bad field", async () => {
    const r = await estimateInstancesAction({ design: targetTrackingEc2.starter });
    expect(r).toEqual({ ok: true, data: [expect.objectContaining({ provider: "learn-asg", kind: "autoScalingGroup", instanceType: "m5.large", desired: 1, min: 1, max: 3 })] });
    expect(await estimateInstancesAction({ design: sampleDesign() })).toEqual({ ok: true, data: [] });
    const bad = await estimateInstancesAction({ design: { ...sampleDesign(), services: "none" } as never });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", issues: [expect.objectContaining({ path: "design.services" })] });
  });
});
