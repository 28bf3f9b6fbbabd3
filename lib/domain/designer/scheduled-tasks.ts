import type { Design, ScheduledTask } from "../design";
import { clusterNameOf, familyOf } from "../design";
import { SCHEDULE_NAME_MAX, SCHEDULE_NAME_PATTERN } from "../ecs-facts/scheduler";
import { belowEverything } from "./layout";
import { newId, uniqueName } from "./names";
import { replaceClusterName, replaceFamily } from "./references";
import { fail, type EditResult } from "./result";

// Scheduled tasks on the canvas: an EventBridge Scheduler schedule whose target runs a task
// definition of the design in a cluster of the design. Edges: schedule → task definition ("runs")
// and schedule → cluster ("in"); both stand for one field, so deleting an edge clears it.

export type ScheduledTaskSummary = {
  name: string; expression: string; timezone?: string; enabled: boolean; taskCount: number; launchType: string;
  taskDefinition: string; cluster: string;
};

export function scheduledTaskSummary(t: ScheduledTask): ScheduledTaskSummary {
  const launch = t.launchType ?? (t.capacityProviderStrategy?.length ? t.capacityProviderStrategy.map((p) => p.capacityProvider).join(", ") : "default");
  return {
    name: t.name, expression: t.scheduleExpression, timezone: t.scheduleExpressionTimezone, enabled: (t.state ?? "ENABLED") === "ENABLED",
    taskCount: t.taskCount ?? 1, launchType: launch, taskDefinition: t.taskDefinition, cluster: t.cluster,
  };
}

/**
 * A new schedule: no expression, cluster or task definition yet (the rules say what is missing),
 * one Fargate task per run, as new services start.
 */
export function addScheduledTask(design: Design, opts: { name?: string; at?: { x: number; y: number } } = {}): EditResult & { ok: true } {
  const list = design.scheduledTasks ?? [];
  const name = uniqueName(opts.name ?? "nightly-job", list.map((t) => t.name));
  const id = newId(design, "sched", name);
  const task: ScheduledTask = { id, name, cluster: "", taskDefinition: "", scheduleExpression: "", launchType: "FARGATE", taskCount: 1 };
  return {
    ok: true, id,
    design: { ...design, scheduledTasks: [...list, task], layout: { ...design.layout, [id]: opts.at ?? belowEverything(design) } },
  };
}

/** Renames a schedule: Scheduler's names (1–64 of [0-9a-zA-Z-_.]), unique in the schedule's group. */
export function renameScheduledTask(design: Design, index: number, rawName: string): EditResult {
  const list = design.scheduledTasks ?? [];
  const t = list[index];
  const name = rawName.trim();
  if (!t) return fail("Nothing to rename.");
  if (name.length > SCHEDULE_NAME_MAX || !SCHEDULE_NAME_PATTERN.test(name)) return fail("Use 1–64 letters, digits, hyphens, underscores and periods.");
  if (t.name === name) return { ok: true, design, id: t.id };
  if (list.some((x, i) => i !== index && x.name === name && (x.group ?? "") === (t.group ?? ""))) {
    return fail(`A schedule named ${name} already exists in that schedule group.`);
  }
  return { ok: true, id: t.id, design: { ...design, scheduledTasks: list.map((x, i) => (i === index ? { ...x, name } : x)) } };
}

/** Sets one field of the schedule with that id (what connecting and disconnecting do). */
export function setScheduledTaskRef(design: Design, id: string, field: "cluster" | "taskDefinition", value: string): Design {
  const list = design.scheduledTasks ?? [];
  if (!list.some((t) => t.id === id)) return design;
  return { ...design, scheduledTasks: list.map((t) => (t.id === id ? { ...t, [field]: value } : t)) };
}

/** Schedules follow a cluster's or a family's rename, as services do; undefined when the design has none. */
export function renameScheduleRefs(list: ScheduledTask[] | undefined, field: "cluster" | "taskDefinition", from: string, to: string): ScheduledTask[] | undefined {
  if (!list) return undefined;
  const swap = field === "cluster" ? replaceClusterName : replaceFamily;
  let changed = false;
  const next = list.map((t) => {
    const v = swap(t[field], from, to);
    if (v === t[field]) return t;
    changed = true;
    return { ...t, [field]: v };
  });
  return changed ? next : list;
}

/** The design's task definition and cluster a schedule points at (for its edges). */
export function scheduleTargets(design: Design, t: ScheduledTask) {
  return {
    taskDefinition: t.taskDefinition ? design.taskDefinitions.find((d) => d.family === familyOf(t.taskDefinition)) : undefined,
    cluster: t.cluster ? design.clusters.find((c) => c.clusterName === clusterNameOf(t.cluster)) : undefined,
  };
}
