import { afterAll, beforeAll } from "vitest";
import { checkStep, runSandboxAction } from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";
import { testCtx } from "./fixtures";
import { createTestDatabase, type TestDatabase } from "./test-database";

type ActionId = Parameters<typeof runSandboxAction>[0]["input"]["actionId"];

/**
 * A lesson's sandbox buttons as the learner presses them: `act` presses one (its message, or
 * the error it answered thrown), `until` fast-forwards until the step passes (at most `rounds`
 * times) and returns the last check. `ctx` is read at each call (tests make it in beforeAll).
 */
export function lessonSteps(ctx: () => AppContext) {
  async function act(lessonId: string, stepId: string, actionId: ActionId) {
    const r = await runSandboxAction({ ctx: ctx(), input: { lessonId, stepId, actionId } });
    if (!r.ok) throw new Error(r.error);
    return r.message;
  }
  async function until(lessonId: string, stepId: string, rounds = 10) {
    let r = await checkStep({ ctx: ctx(), input: { lessonId, stepId } });
    for (let i = 0; i < rounds && !r.done; i++) {
      await act(lessonId, stepId, "fast-forward");
      r = await checkStep({ ctx: ctx(), input: { lessonId, stepId } });
    }
    return r;
  }
  return { act, until };
}

/**
 * A lesson test file's own database and context (the app's in-memory sandbox engine), made
 * before its first test (handed to `ready`) and dropped after its last, with the lesson's buttons.
 */
export function withLessonDatabase(ready: (ctx: AppContext) => void) {
  let tdb: TestDatabase | undefined;
  let ctx: AppContext | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    ctx = testCtx(await tdb.client());
    ready(ctx);
  });
  afterAll(() => tdb?.drop());
  return lessonSteps(() => {
    if (!ctx) throw new Error("the lesson's database is made in beforeAll");
    return ctx;
  });
}
