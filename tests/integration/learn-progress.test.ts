import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { lessonById } from "@/lib/domain/learn";
import { createDesign, getDesign } from "@/lib/server/designs";
import { NotFoundError } from "@/lib/server/errors";
import {
  checkStep, getLessonProgress, lessonForDesign, listLessonProgress, resetLessonProgress, showSolution, startLesson,
} from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let tdb: TestDatabase;
let db: Db;
let ctx: AppContext;

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  ctx = testCtx(db);
});
afterAll(() => tdb.drop());

const LESSON = "fargate-awsvpc";

describe("lesson progress operations", () => {
  it("starts with no progress and no design", async () => {
    expect(await getLessonProgress({ ctx, input: { lessonId: LESSON } })).toEqual({
      lessonId: LESSON, completedSteps: [], designId: null, startedAt: null, updatedAt: null,
    });
  });

  it("start creates a design named after the lesson, from its starter, once", async () => {
    const { designId } = await startLesson({ ctx, input: { lessonId: LESSON } });
    const design = await getDesign({ ctx, input: { id: designId } });
    expect(design.name).toBe(`Lesson: ${lessonById(LESSON)!.title}`);
    expect(design.document.taskDefinitions[0].networkMode).toBe("bridge");
    expect(await startLesson({ ctx, input: { lessonId: LESSON } })).toEqual({ designId });
    expect((await getLessonProgress({ ctx, input: { lessonId: LESSON } })).designId).toBe(designId);
  });

  it("a failing check returns its hint and saves nothing", async () => {
    const r = await checkStep({ ctx, input: { lessonId: LESSON, stepId: "awsvpc" } });
    expect(r).toMatchObject({ done: false, completedSteps: [] });
    expect(r.hint).toMatch(/Fargate accepts only awsvpc/);
  });

  it("a passing check is saved, and survives a new read", async () => {
    await showSolution({ ctx, input: { lessonId: LESSON, stepId: "awsvpc" } });
    expect(await checkStep({ ctx, input: { lessonId: LESSON, stepId: "awsvpc" } })).toEqual({ done: true, completedSteps: ["awsvpc"] });
    const p = await getLessonProgress({ ctx, input: { lessonId: LESSON } });
    expect(p.completedSteps).toEqual(["awsvpc"]);
    expect(p.updatedAt).toMatch(/^\d{4}-/);
    expect(await listLessonProgress({ ctx })).toMatchObject({ [LESSON]: { completed: 1, total: 2 }, "task-role": { completed: 0, total: 3 } });
  });

  it("show-solution saves a new version of the design", async () => {
    const { designId } = await startLesson({ ctx, input: { lessonId: LESSON } });
    const before = await getDesign({ ctx, input: { id: designId } });
    const { version } = await showSolution({ ctx, input: { lessonId: LESSON, stepId: "task-size" } });
    expect(version).toBe(before.version + 1);
    expect((await getDesign({ ctx, input: { id: designId } })).document.taskDefinitions[0]).toMatchObject({ cpu: "1024", memory: "4096" });
    expect(await checkStep({ ctx, input: { lessonId: LESSON, stepId: "task-size" } })).toEqual({ done: true, completedSteps: ["awsvpc", "task-size"] });
  });

  it("reset forgets progress but keeps the design in the designs list; start then makes a new one", async () => {
    const { designId } = await startLesson({ ctx, input: { lessonId: LESSON } });
    await resetLessonProgress({ ctx, input: { lessonId: LESSON } });
    expect(await getLessonProgress({ ctx, input: { lessonId: LESSON } })).toMatchObject({ completedSteps: [], designId: null });
    expect((await getDesign({ ctx, input: { id: designId } })).id).toBe(designId);
    const again = await startLesson({ ctx, input: { lessonId: LESSON } });
    expect(again.designId).not.toBe(designId);
  });

  it("unlinks a design that was deleted", async () => {
    const { designId } = await startLesson({ ctx, input: { lessonId: "task-role" } });
    await db.design.delete({ where: { id: designId } });
    expect((await getLessonProgress({ ctx, input: { lessonId: "task-role" } })).designId).toBeNull();
    expect(await checkStep({ ctx, input: { lessonId: "task-role", stepId: "remove-keys" } })).toMatchObject({ done: false, hint: expect.stringMatching(/Start the lesson/) });
  });

  it("finds the lesson a design belongs to, with the step to work on, for the canvas", async () => {
    const lessonId = "first-task-definition";
    const { designId } = await startLesson({ ctx, input: { lessonId } });
    const lesson = lessonById(lessonId)!;
    expect(await lessonForDesign({ ctx, input: { designId } })).toEqual({
      lessonId, number: 1, title: lesson.title, stepCount: 3,
      current: { number: 1, title: lesson.steps[0].title, goal: lesson.steps[0].goal },
    });
    await showSolution({ ctx, input: { lessonId, stepId: "add-container" } });
    await checkStep({ ctx, input: { lessonId, stepId: "add-container" } });
    expect((await lessonForDesign({ ctx, input: { designId } }))?.current).toMatchObject({ number: 2, title: lesson.steps[1].title });
    for (const stepId of ["port-and-memory", "no-errors"]) {
      await showSolution({ ctx, input: { lessonId, stepId } });
      await checkStep({ ctx, input: { lessonId, stepId } });
    }
    expect(await lessonForDesign({ ctx, input: { designId } })).toMatchObject({ lessonId, current: null });

    // An ordinary design, a design whose lesson was reset, and a malformed id have no lesson.
    const other = await createDesign({ ctx, input: { name: "Not a lesson" } });
    expect(await lessonForDesign({ ctx, input: { designId: other.id } })).toBeNull();
    await resetLessonProgress({ ctx, input: { lessonId } });
    expect(await lessonForDesign({ ctx, input: { designId } })).toBeNull();
    expect(await lessonForDesign({ ctx, input: { designId: "not-a-uuid" } })).toBeNull();
  });

  it("refuses unknown steps", async () => {
    await expect(checkStep({ ctx, input: { lessonId: LESSON, stepId: "nope" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(showSolution({ ctx, input: { lessonId: "service-self-healing", stepId: "two-running" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
