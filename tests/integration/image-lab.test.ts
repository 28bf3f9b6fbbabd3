import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import type { Db } from "@/lib/db";
import * as designs from "@/lib/actions/designs";
import * as learn from "@/lib/actions/learn";
import { STARTER } from "@/lib/domain/lab/starter";
import { pageContext } from "@/lib/server/auth/page-context";
import { getDesign, listImageTargets } from "@/lib/server/designs";
import { sampleDesign } from "./helpers/fixtures";
import { requestScope } from "./helpers/request-scope";
import { signedIn, signedInApp, type SignedIn } from "./helpers/sign-in";

// The image lab's two trips to the server: "Use this image" writes a container's image into a
// design (a new version, audited like a save), and a lab lesson's step is checked by replaying
// the builds the player posts, with no lesson design needed.

let db: Db;
let editor: SignedIn;
let viewer: SignedIn;
let designId: string;
const app = signedInApp({ memorySandbox: true });
const DIGEST = `sha256:${"a".repeat(64)}`;

const must = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

beforeAll(async () => {
  db = app.db;
  [editor, viewer] = [await signedIn(db, "editor"), await signedIn(db, "viewer")];
  requestScope.use(editor.headers);
  designId = must(await designs.createDesignAction({ name: "Lab target", document: sampleDesign() })).id;
});

describe("Use this image", () => {
  it("lists the designs' containers for the picker", async () => {
    requestScope.use(viewer.headers);
    const targets = await listImageTargets({ ctx: await pageContext("/learn/lab") });
    expect(targets.find((t) => t.designId === designId)).toEqual({
      designId, designName: "Lab target", taskDefinitions: [{ id: "td-1", family: "web", containers: [{ name: "app", image: "nginx:1.27" }] }],
    });
  });

  it("sets one container's image as a new version of the design", async () => {
    requestScope.use(editor.headers);
    const r = must(await designs.setContainerImageAction({ designId, taskDefinitionId: "td-1", containerName: "app", image: `shop/web@${DIGEST}` }));
    expect(r.version).toBe(2);
    const ctx = await pageContext("/learn/lab");
    const stored = await getDesign({ ctx, input: { id: designId } });
    expect(stored.document.taskDefinitions[0].containerDefinitions[0].image).toBe(`shop/web@${DIGEST}`);
    const audit = await db.auditEvent.findMany({ where: { targetType: "design", targetId: designId } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("names the field of a bad reference, and refuses unknown containers and viewers", async () => {
    requestScope.use(editor.headers);
    const bad = await designs.setContainerImageAction({ designId, taskDefinitionId: "td-1", containerName: "app", image: "shop web:1" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(bad)).toMatch(/image/);
    expect(await designs.setContainerImageAction({ designId, taskDefinitionId: "td-1", containerName: "nope", image: "shop/web:1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    requestScope.use(viewer.headers);
    expect(await designs.setContainerImageAction({ designId, taskDefinitionId: "td-1", containerName: "app", image: "shop/web:1" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("an image lab lesson", () => {
  const LESSON = "layers-build-cache";

  it("checks a lab step against the replayed builds, without starting a design, and saves the step", async () => {
    requestScope.use(editor.headers);
    expect(must(await learn.checkStepAction({ lessonId: LESSON, stepId: "first-build" }))).toMatchObject({ done: false, hint: expect.stringMatching(/Press Build/) });
    expect(must(await learn.checkStepAction({ lessonId: LESSON, stepId: "first-build", lab: { builds: [STARTER] } }))).toEqual({ done: true, completedSteps: ["first-build"] });
    const changed = { ...STARTER, files: STARTER.files.map((f) => (f.path === "src/index.js" ? { ...f, content: "changed" } : f)) };
    expect(must(await learn.checkStepAction({ lessonId: LESSON, stepId: "rebuild-cached", lab: { builds: [STARTER, changed] } }))).toMatchObject({ done: false });
    expect(must(await learn.checkStepAction({ lessonId: LESSON, stepId: "rebuild-cached", lab: { builds: [STARTER, STARTER] } }))).toEqual({ done: true, completedSteps: ["first-build", "rebuild-cached"] });
  });

  it("refuses lab input beyond its limits, naming the field", async () => {
    requestScope.use(editor.headers);
    const r = await learn.checkStepAction({ lessonId: LESSON, stepId: "first-build", lab: { builds: Array.from({ length: 9 }, () => STARTER) } });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(JSON.stringify(r)).toMatch(/lab\.builds|builds/);
  });
});
