import { describe, expect, it } from "vitest";
import { SANDBOX_REGION } from "../ecs-facts/sandbox";
import { RELEASE_VARIABLE, missingInstances, taskToCrash, withNewRelease } from "./sandbox-plan";
import { currentStep, evaluateStep, isLessonComplete, normaliseCompleted, withStepDone } from "./progress";
import { lesson } from "./test/run";
import { provisioning, running, task } from "./test/snapshots";

const l = lesson("service-self-healing");

describe("progress", () => {
  it("orders and dedupes completed steps and finds the current one", () => {
    expect(normaliseCompleted(l, ["replacement", "bogus", "add-service", "add-service"])).toEqual(["add-service", "replacement"]);
    expect(currentStep(l, ["add-service"])?.id).toBe("two-running");
    expect(withStepDone(l, ["add-service"], "two-running")).toEqual(["add-service", "two-running"]);
    expect(isLessonComplete(l, ["add-service", "two-running"])).toBe(false);
    expect(isLessonComplete(l, l.steps.map((s) => s.id))).toBe(true);
  });

  it("asks for the missing input instead of failing", () => {
    expect(evaluateStep(l.steps[0], {}).hint).toMatch(/Start the lesson/);
    expect(evaluateStep(l.steps[1], {}).hint).toMatch(/sandbox could not be read/);
  });
});

describe("missingInstances", () => {
  const design = lesson("placement-strategies").starter;

  it("registers only the instances a cluster does not have yet, with their size and zone", () => {
    const calls = missingInstances(design, { "learn-placement": 1 }, SANDBOX_REGION);
    expect(calls.map((c) => c.action)).toEqual(["addInstances", "addInstances"]);
    expect(calls[0]).toMatchObject({ region: SANDBOX_REGION, cluster: "learn-placement", count: 1, cpu: 2048, availabilityZones: ["eu-west-1b"] });
    expect(missingInstances(design, { "learn-placement": 3 }, SANDBOX_REGION)).toEqual([]);
  });
});

describe("withNewRelease", () => {
  const design = lesson("rolling-deployment").starter;

  it("raises the RELEASE variable of each service's task definition, so a new revision is registered", () => {
    const once = withNewRelease(design);
    const env = (d: typeof design) => d.taskDefinitions[0].containerDefinitions[0].environment?.find((e) => e.name === RELEASE_VARIABLE)?.value;
    expect(env(once)).toBe("2");
    expect(env(withNewRelease(once))).toBe("3");
    expect(once.services).toEqual(design.services);
    expect(design.taskDefinitions[0].containerDefinitions[0].environment?.some((e) => e.name === RELEASE_VARIABLE) ?? false).toBe(false);
  });
});

describe("taskToCrash", () => {
  const rev = (n: number) => `arn:aws:ecs:eu-west-1:000000000000:task-definition/app:${n}`;

  it("hits a RUNNING service task, the newest revision's first", () => {
    const old = running("app", { taskDefinitionArn: rev(1) });
    const fresh = running("app", { taskDefinitionArn: rev(2) });
    const leaving = running("app", { taskDefinitionArn: rev(3), desiredStatus: "STOPPED" });
    expect(taskToCrash([fresh, old])).toBe(fresh);
    expect(taskToCrash([old, fresh, leaving, provisioning("app")])).toBe(fresh);
    expect(taskToCrash([old, task("app", { taskDefinitionArn: rev(1) })])).toBe(old);
    expect(taskToCrash([running("app", { group: "family:app" }), provisioning("app")])).toBeUndefined();
  });
});

describe("lessonView", () => {
  it("drops the check functions and labels the actions", async () => {
    const { lessonView } = await import("./view");
    const v = lessonView(l);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(v.usesSandbox).toBe(true);
    expect(v.steps[1].actions.map((a) => a.label)).toEqual(["Apply to sandbox", "Fast-forward 10 s"]);
    expect(v.steps[0]).toMatchObject({ kind: "design", canShow: true });
    expect(v.concepts[0]).toEqual({ id: "ecs-building-blocks", title: "Container definition, task definition, service, cluster", href: "/learn/concepts#ecs-building-blocks" });
    expect(v.recap).toEqual(l.recap);
  });
});

describe("lessonBarView", () => {
  it("names the lesson's place in the course and the step to work on, or none once complete", async () => {
    const { lessonBarView } = await import("./view");
    const { LESSONS } = await import("./lessons");
    expect(lessonBarView(l, [l.steps[0].id])).toEqual({
      lessonId: l.id, number: LESSONS.indexOf(l) + 1, title: l.title, stepCount: l.steps.length,
      current: { number: 2, title: l.steps[1].title, goal: l.steps[1].goal },
    });
    expect(lessonBarView(l, l.steps.map((s) => s.id)).current).toBeNull();
  });
});
