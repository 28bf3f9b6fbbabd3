import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders);

import type { Db } from "@/lib/db";
import { ANONYMOUS } from "@/lib/domain/access";
import * as learn from "@/lib/actions/learn";
import { pageContext } from "@/lib/server/auth/page-context";
import { UnauthenticatedError } from "@/lib/server/errors";
import { getLessonProgress, listLessonProgress } from "@/lib/server/learn";
import { testCtx } from "./helpers/fixtures";
import { requestScope } from "./helpers/request-scope";
import { signedIn, signedInApp, type SignedIn } from "./helpers/sign-in";

// Lesson progress is each signed-in person's own: two people doing the same lesson through the
// app's actions keep separate designs and separate progress, and the one learner of before
// sign-in ("local") keeps its rows, seen by nobody.

let db: Db;
let ada: SignedIn;
let bob: SignedIn;
const LESSON = "fargate-awsvpc";
// An installed app (an admin exists, setup is over), and two editors.
const app = signedInApp({ memorySandbox: true });
beforeAll(async () => {
  db = app.db;
  [ada, bob] = [await signedIn(db, "editor"), await signedIn(db, "editor")];
  // Progress from before sign-in, when everyone was the one learner "local".
  await db.lessonProgress.create({ data: { learnerId: "local", lessonId: LESSON, completedSteps: ["awsvpc", "task-size"], updatedAt: new Date() } });
});

const must = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
/** What the lesson page reads for the person whose browser this is. */
async function progressOf(who: SignedIn) {
  requestScope.use(who.headers);
  const ctx = await pageContext("/learn/[lessonId]", { lessonId: LESSON });
  return { one: await getLessonProgress({ ctx, input: { lessonId: LESSON } }), all: await listLessonProgress({ ctx }) };
}

describe("lesson progress per person", () => {
  it("starts empty for each person, whatever the install did before sign-in", async () => {
    expect((await progressOf(ada)).one).toMatchObject({ completedSteps: [], designId: null });
    expect((await progressOf(bob)).one).toMatchObject({ completedSteps: [], designId: null });
  });

  it("keeps two people's lesson designs and completed steps apart", async () => {
    requestScope.use(ada.headers);
    const adaDesign = must(await learn.startLessonAction({ lessonId: LESSON })).designId;
    must(await learn.showSolutionAction({ lessonId: LESSON, stepId: "awsvpc" }));
    expect(must(await learn.checkStepAction({ lessonId: LESSON, stepId: "awsvpc" }))).toEqual({ done: true, completedSteps: ["awsvpc"] });

    requestScope.use(bob.headers);
    const bobDesign = must(await learn.startLessonAction({ lessonId: LESSON })).designId;
    expect(bobDesign).not.toBe(adaDesign);
    // Bob's design is still the starter: Ada's fix is not his.
    expect(must(await learn.checkStepAction({ lessonId: LESSON, stepId: "awsvpc" }))).toMatchObject({ done: false, completedSteps: [] });

    const a = await progressOf(ada);
    const b = await progressOf(bob);
    expect(a.one).toMatchObject({ designId: adaDesign, completedSteps: ["awsvpc"] });
    expect(b.one).toMatchObject({ designId: bobDesign, completedSteps: [] });
    expect(a.all[LESSON]).toMatchObject({ completed: 1 });
    expect(b.all[LESSON]).toMatchObject({ completed: 0 });
    expect(await db.lessonProgress.findMany({ where: { lessonId: LESSON }, select: { learnerId: true }, orderBy: { learnerId: "asc" } }))
      .toEqual([ada.person.id, bob.person.id, "local"].sort().map((learnerId) => ({ learnerId })));
  });

  it("a reset forgets only the person's own progress", async () => {
    requestScope.use(bob.headers);
    must(await learn.resetLessonAction({ lessonId: LESSON }));
    expect((await progressOf(bob)).one).toMatchObject({ completedSteps: [], designId: null });
    expect((await progressOf(ada)).one).toMatchObject({ completedSteps: ["awsvpc"] });
    expect(await db.lessonProgress.findUnique({ where: { learnerId_lessonId: { learnerId: "local", lessonId: LESSON } } }))
      .toMatchObject({ completedSteps: ["awsvpc", "task-size"] });
  });

  it("has no progress for nobody", async () => {
    await expect(getLessonProgress({ ctx: testCtx(db, { actor: ANONYMOUS }), input: { lessonId: LESSON } })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
