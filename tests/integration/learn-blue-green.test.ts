import { describe, expect, it } from "vitest";
import { lessonById } from "@/lib/domain/learn";
import { checkStep, showSolution, startLesson } from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";
import { lessonSandbox } from "@/lib/server/learn/sandbox";
import { continueServiceDeployment, getServiceDeployments } from "@/lib/server/monitor";
import { withLessonDatabase } from "./helpers/lesson-steps";

// The blue/green and canary lesson played in the sandbox with its own buttons, and its pause
// continued the way the monitor's Continue button does (the same operation). It needs the
// sandbox to run CANARY deployments with PAUSE hooks and to answer the service deployments API
// (ListServiceDeployments, DescribeServiceDeployments, ContinueServiceDeployment): skipped until
// that lands on main (the sandbox-deploy work), then enabled by removing `.skip`.

const L = "blue-green-canary";
let ctx: AppContext;
const steps = withLessonDatabase((c) => (ctx = c));
const act = (stepId: string, actionId: "apply" | "deploy" | "deploy-failing" | "fast-forward") => steps.act(L, stepId, actionId);
const until = (stepId: string, rounds = 20) => steps.until(L, stepId, rounds);

describe("blue-green-canary against the sandbox", () => {
  it("pauses a canary, continues it from the monitor, and watches a failing canary roll back by itself", async () => {
    await startLesson({ ctx, input: { lessonId: L } });
    await showSolution({ ctx, input: { lessonId: L, stepId: lessonById(L)!.steps[0].id } });
    await act("steady", "apply");
    expect((await until("steady")).done).toBe(true);

    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "paused" } })).hint).toMatch(/Deploy new revision/);
    await act("paused", "deploy");
    expect((await until("paused")).done).toBe(true);

    const { env } = await lessonSandbox(ctx);
    const ref = { envId: env.id, cluster: "learn-canary", service: "canary-web" };
    const view = await getServiceDeployments({ ctx, input: ref });
    const [moving] = view.deployments;
    expect(moving).toMatchObject({ strategy: "CANARY", active: true });
    expect(moving.hooks).toHaveLength(1);
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "continued" } })).hint).toMatch(/press Continue/);
    expect(moving.traffic.target ?? 0).toBe(0);
    await continueServiceDeployment({ ctx, input: { ...ref, serviceDeploymentArn: moving.arn, hookId: moving.hooks[0].hookId, action: "CONTINUE" } });
    // PRE_PRODUCTION_TRAFFIC_SHIFT runs before every shift: a canary pauses again with its 10 % on green.
    const second = await until("continued", 5);
    expect(second.done).toBe(false);
    expect(second.hint).toMatch(/10 % of production traffic on green/);
    const [canary] = (await getServiceDeployments({ ctx, input: ref })).deployments;
    expect(canary.traffic.target).toBe(10);
    expect(canary.hooks).toHaveLength(1);
    await continueServiceDeployment({ ctx, input: { ...ref, serviceDeploymentArn: canary.arn, hookId: canary.hooks[0].hookId, action: "CONTINUE" } });
    expect((await until("continued")).done).toBe(true);

    await act("rolled-back", "deploy-failing");
    expect((await until("rolled-back", 40)).done).toBe(true);
    const after = await getServiceDeployments({ ctx, input: ref });
    expect(after.deployments[0]).toMatchObject({ status: "ROLLBACK_SUCCESSFUL", rolledBack: true, circuitBreaker: { status: "TRIGGERED" } });
  });
});
