import { describe, expect, it } from "vitest";
import { checkStep, startLesson } from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";
import { lessonSandbox } from "@/lib/server/learn/sandbox";
import { withLessonDatabase } from "./helpers/lesson-steps";

// The target-tracking lesson against the real sandbox engine (in memory), with its own buttons:
// apply, ramp the load, fast-forward until the scaler has added tasks; drop the load and wait for
// the scale-in back to the minimum.

let ctx: AppContext;
const { act, until } = withLessonDatabase((c) => (ctx = c));

describe("target-tracking against the sandbox", () => {
  it("scales out under a ramp and back in when the load goes away", async () => {
    const L = "target-tracking";
    await startLesson({ ctx, input: { lessonId: L } });
    expect(await act(L, "ramp", "set-load")).toMatch(/apply the design first/);
    await act(L, "apply", "apply");
    expect((await until(L, "apply")).done).toBe(true);
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "ramp" } })).hint).toMatch(/still 2/);

    expect(await act(L, "ramp", "set-load")).toMatch(/ramping from 10 to 60 requests per second over 5 minutes/);
    expect((await until(L, "ramp", 4)).done).toBe(true);
    const { ecs } = await lessonSandbox(ctx);
    const { services } = await ecs.describeServices({ cluster: "learn-scaling", services: ["web-scaled"] });
    expect(services[0].desiredCount).toBeGreaterThan(2);
    expect(services[0].desiredCount).toBeLessThanOrEqual(6);

    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "quiet" } })).done).toBe(false);
    expect(await act(L, "quiet", "set-load")).toMatch(/2 requests per second/);
    expect((await until(L, "quiet", 4)).done).toBe(true);
    expect((await ecs.describeServices({ cluster: "learn-scaling", services: ["web-scaled"] })).services[0].desiredCount).toBe(2);
  });
});
