import { describe, expect, it } from "vitest";
import { lessonById } from "@/lib/domain/learn";
import {
  checkStep, getLiveView, resetLessonProgress, runSandboxAction, showSolution, startLesson,
} from "@/lib/server/learn";
import type { AppContext } from "@/lib/server/context";
import { lessonSandbox } from "@/lib/server/learn/sandbox";
import { withLessonDatabase } from "./helpers/lesson-steps";

// Every sandbox step of every lesson, against the real sandbox engine (in memory), with the
// lesson's own buttons: proves the checks read what the sandbox actually answers.

let ctx: AppContext;
const { act, until } = withLessonDatabase((c) => (ctx = c));

async function solveDesignSteps(lessonId: string, upTo: string) {
  for (const s of lessonById(lessonId)!.steps) {
    if (s.id === upTo) return;
    if (s.check.kind === "design") {
      await showSolution({ ctx, input: { lessonId, stepId: s.id } });
      expect(await checkStep({ ctx, input: { lessonId, stepId: s.id } })).toMatchObject({ done: true });
    }
  }
}

describe("lessons against the sandbox", () => {
  it("service-self-healing: two tasks, a crash, a replacement", async () => {
    const L = "service-self-healing";
    await startLesson({ ctx, input: { lessonId: L } });
    await solveDesignSteps(L, "two-running");
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "two-running" } })).hint).toMatch(/Apply to sandbox/);
    await act(L, "two-running", "apply");
    const live = await getLiveView({ ctx, input: { lessonId: L } });
    expect(live.tasks.map((t) => t.lastStatus)).toEqual(["PROVISIONING", "PROVISIONING"]);
    expect((await until(L, "two-running")).done).toBe(true);

    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "replacement" } })).hint).toMatch(/Crash a task/);
    expect(await act(L, "replacement", "crash-task")).toMatch(/crashed/);
    expect((await until(L, "replacement")).done).toBe(true);
    const after = await getLiveView({ ctx, input: { lessonId: L } });
    expect(after.tasks.filter((t) => t.lastStatus === "RUNNING")).toHaveLength(2);
    expect(after.tasks.some((t) => t.lastStatus === "STOPPED" && t.stoppedReason === "Essential container in task exited")).toBe(true);
    expect(after.services[0]).toMatchObject({ name: "healing-web", desired: 2, running: 2 });
  });

  it("rolling-deployment: 50/100 rolls a new revision onto all four tasks", async () => {
    const L = "rolling-deployment";
    await startLesson({ ctx, input: { lessonId: L } });
    await solveDesignSteps(L, "steady");
    await act(L, "steady", "apply");
    expect((await until(L, "steady")).done).toBe(true);
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "rolled" } })).done).toBe(false);
    await act(L, "rolled", "deploy");
    const during = await getLiveView({ ctx, input: { lessonId: L } });
    expect(during.services[0].deployments.map((d) => d.status)).toEqual(["PRIMARY", "ACTIVE"]);
    const r = await until(L, "rolled", 20);
    expect(r).toMatchObject({ done: true, completedSteps: ["percentages", "steady", "rolled"] });
  });

  it("placement-strategies: binpack on one instance, spread on three", async () => {
    const L = "placement-strategies";
    await startLesson({ ctx, input: { lessonId: L } });
    await solveDesignSteps(L, "packed");
    await act(L, "packed", "apply");
    expect((await until(L, "packed")).done).toBe(true);
    // The learner changes the strategy on the canvas; the test edits the stored design.
    const row = await ctx.db.lessonProgress.findFirstOrThrow({ where: { lessonId: L } });
    const design = await ctx.db.design.findUniqueOrThrow({ where: { id: row.designId! } });
    const doc = design.document as { services: { placementStrategy: unknown }[] };
    doc.services[0].placementStrategy = [{ type: "spread", field: "instanceId" }];
    await ctx.db.design.update({ where: { id: design.id }, data: { document: doc as object } });
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "spread" } })).hint).toMatch(/still uses binpack/);
    await act(L, "spread", "apply");
    expect((await until(L, "spread")).done).toBe(true);
  });

  it("essential-sidecar: the sidecar's exit stops the task; once it is non-essential, only the sidecar stops", async () => {
    const L = "essential-sidecar";
    await startLesson({ ctx, input: { lessonId: L } });
    await act(L, "running", "apply");
    expect((await until(L, "running")).done).toBe(true);
    expect(await act(L, "sidecar-crash", "crash-task")).toMatch(/metrics-agent exited/);
    expect((await until(L, "sidecar-crash")).done).toBe(true);
    await showSolution({ ctx, input: { lessonId: L, stepId: "non-essential" } });
    expect(await checkStep({ ctx, input: { lessonId: L, stepId: "non-essential" } })).toMatchObject({ done: true });

    // Not applied yet: the running revision still has the essential sidecar.
    const hint = async () => (await checkStep({ ctx, input: { lessonId: L, stepId: "sidecar-optional" } })).hint ?? "";
    expect(await hint()).toMatch(/still has metrics-agent essential/);
    await act(L, "sidecar-optional", "apply");
    expect(await hint()).toMatch(/not RUNNING yet/);
    for (let i = 0; i < 10 && /not RUNNING yet/.test(await hint()); i++) await act(L, "sidecar-optional", "fast-forward");
    // The new revision runs: crashing its sidecar leaves the task RUNNING.
    expect(await hint()).toMatch(/Press “Crash metrics-agent”/);
    expect(await act(L, "sidecar-optional", "crash-task")).toMatch(/metrics-agent exited/);
    expect(await checkStep({ ctx, input: { lessonId: L, stepId: "sidecar-optional" } })).toMatchObject({ done: true });
    await act(L, "sidecar-optional", "fast-forward");
    const live = await getLiveView({ ctx, input: { lessonId: L } });
    expect(live.tasks.filter((t) => t.lastStatus === "RUNNING")).toHaveLength(1);
    expect(live.services[0]).toMatchObject({ name: "sidecar-app", desired: 1, running: 1 });
  });

  it("fargate-spot: a base on FARGATE, the rest on Spot; an interruption is replaced, no Spot capacity leaves the base", async () => {
    const L = "fargate-spot";
    await startLesson({ ctx, input: { lessonId: L } });
    await solveDesignSteps(L, "shared-out");
    expect(await act(L, "interrupted", "interrupt-spot")).toMatch(/No task runs on FARGATE_SPOT yet/);
    await act(L, "shared-out", "apply");
    expect((await until(L, "shared-out")).done).toBe(true);
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "interrupted" } })).hint).toMatch(/Interrupt a Spot task/);
    expect(await act(L, "interrupted", "interrupt-spot")).toMatch(/took one Fargate Spot task back/);
    expect((await until(L, "interrupted")).done).toBe(true);
    const live = await getLiveView({ ctx, input: { lessonId: L } });
    expect(live.tasks.some((t) => t.lastStatus === "STOPPED" && t.stoppedReason === "Your Spot Task was interrupted.")).toBe(true);

    expect(await act(L, "spot-gone", "spot-capacity-gone")).toMatch(/took back all 2 Spot tasks/);
    expect((await until(L, "spot-gone")).done).toBe(true);
    const { ecs } = await lessonSandbox(ctx);
    const running = await ecs.listTasks({ cluster: "learn-spot", desiredStatus: "RUNNING" });
    expect(running).toHaveLength(2);
    // Only the lesson's cluster lost Spot, and its next Apply gives it back.
    await act(L, "shared-out", "apply");
    expect((await until(L, "shared-out")).done).toBe(true);
  });

  it("reset removes the lesson's service from the sandbox", async () => {
    const L = "essential-sidecar";
    await resetLessonProgress({ ctx, input: { lessonId: L } });
    await startLesson({ ctx, input: { lessonId: L } });
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "running" } })).hint).toMatch(/Apply to sandbox/);
    await act(L, "running", "apply");
    expect((await until(L, "running")).done).toBe(true);
    // The first attempt's crashed task is still in the sandbox (STOPPED tasks stay an hour); it must not count.
    expect((await checkStep({ ctx, input: { lessonId: L, stepId: "sidecar-crash" } })).done).toBe(false);
    expect((await getLiveView({ ctx, input: { lessonId: L } })).tasks.every((t) => t.lastStatus !== "STOPPED")).toBe(true);
  });

  it("reports a design the validator finds errors in instead of failing, and applies nothing of it", async () => {
    const L = "service-self-healing";
    const row = await ctx.db.lessonProgress.findFirstOrThrow({ where: { lessonId: L } });
    const design = await ctx.db.design.findUniqueOrThrow({ where: { id: row.designId! } });
    const doc = design.document as { taskDefinitions: { family: string; cpu: string }[] };
    doc.taskDefinitions[0].cpu = "300";
    await ctx.db.design.update({ where: { id: design.id }, data: { document: doc as object } });
    const { ecs } = await lessonSandbox(ctx);
    const revisions = () => ecs.listTaskDefinitions({ familyPrefix: doc.taskDefinitions[0].family, status: "ACTIVE" });
    const before = await revisions();
    const r = await runSandboxAction({ ctx, input: { lessonId: L, stepId: "two-running", actionId: "apply" } });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^Not applied: 1 validator error, which ECS would refuse\. task definition .*\[fargate-task-size\] Fix them on the lesson's canvas/) });
    expect(await revisions()).toEqual(before);

    // "Deploy new revision" refuses before it saves the raised release.
    const rolling = await ctx.db.lessonProgress.findFirstOrThrow({ where: { lessonId: "rolling-deployment" } });
    const rollingDesign = await ctx.db.design.findUniqueOrThrow({ where: { id: rolling.designId! } });
    const rollingDoc = rollingDesign.document as { taskDefinitions: { cpu: string }[] };
    rollingDoc.taskDefinitions[0].cpu = "300";
    await ctx.db.design.update({ where: { id: rollingDesign.id }, data: { document: rollingDoc as object } });
    const deploy = await runSandboxAction({ ctx, input: { lessonId: "rolling-deployment", stepId: "rolled", actionId: "deploy" } });
    expect(deploy).toMatchObject({ ok: false, error: expect.stringMatching(/^Not applied: 1 validator error/) });
    expect((await ctx.db.design.findUniqueOrThrow({ where: { id: rollingDesign.id } })).version).toBe(rollingDesign.version);
  });
});
