import { describe, expect, it } from "vitest";
import { checkStep, startLesson } from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";
import { lessonSandbox } from "@/lib/server/learn/sandbox";
import { withLessonDatabase } from "./helpers/lesson-steps";

// The EC2 target-tracking lesson against the real sandbox engine (in memory), with its own
// buttons: apply (the Auto Scaling group provider launches the first instance), ramp the load
// until the scaler adds tasks and managed scaling the instances they need, drop it until both
// scale back in.

let ctx: AppContext;
const { act, until } = withLessonDatabase((c) => (ctx = c));
const CLUSTER = "learn-ec2-scaling";

describe("target-tracking-ec2 against the sandbox", () => {
  it("adds instances for the tasks the scaler adds, and scales both back in", async () => {
    const L = "target-tracking-ec2";
    await startLesson({ ctx, input: { lessonId: L } });
    const { ecs } = await lessonSandbox(ctx);
    const instances = async () => {
      const arns = await ecs.listContainerInstances({ cluster: CLUSTER });
      return (await ecs.describeContainerInstances({ cluster: CLUSTER, containerInstances: arns })).containerInstances;
    };
    await act(L, "apply", "apply");
    expect((await until(L, "apply", 3)).done).toBe(true);
    expect((await instances()).map((i) => [i.capacityProviderName, i.status])).toEqual([["learn-asg", "ACTIVE"]]);
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "ramp" } })).hint).toMatch(/desired count is 2/);

    expect(await act(L, "ramp", "set-load")).toMatch(/ramping from 20 to 200 requests per second over 5 minutes/);
    expect((await until(L, "ramp", 4)).done).toBe(true);
    const { services } = await ecs.describeServices({ cluster: CLUSTER, services: ["web-ec2"] });
    const peak = services[0].desiredCount ?? 0;
    expect(peak).toBeGreaterThan(2);
    expect(peak).toBeLessThanOrEqual(6);
    // CapacityProviderReservation at 100 %: as many instances as the tasks need, two 1-vCPU tasks each.
    const atPeak = (await instances()).filter((i) => i.status === "ACTIVE");
    expect(atPeak).toHaveLength(Math.ceil(peak / 2));

    expect(await act(L, "quiet", "set-load")).toMatch(/10 requests per second/);
    expect((await until(L, "quiet", 4)).done).toBe(true);
    expect((await ecs.describeServices({ cluster: CLUSTER, services: ["web-ec2"] })).services[0].desiredCount).toBe(2);
    const after = (await instances()).filter((i) => i.status === "ACTIVE");
    expect(after.length).toBeLessThan(atPeak.length);
    expect(after.every((i) => (i.runningTasksCount ?? 0) > 0)).toBe(true);
  });
});
