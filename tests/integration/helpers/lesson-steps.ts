import { checkStep, runSandboxAction } from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";

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
