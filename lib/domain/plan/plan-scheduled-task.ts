import type { GetScheduleOutput } from "@aws-sdk/client-scheduler";
import { clusterNameOf, familyOf, type Design, type ScheduledTask } from "../design";
import { designScheduleGroup } from "../ecs-facts/scheduler";
import { tagValue } from "./tags";
import { DESIGN_TAG, type FieldChange, type LiveState, type PlanCall, type PlanStep } from "./types";
import { canonical, isObject, jsonencodeText, matchesDesired, prune } from "./values";

// Scheduled tasks in the plan: EventBridge Scheduler schedules whose target is ECS RunTask. They
// come after the clusters and task definitions they name. Schedules have no tags, so what the
// design owns is marked by their group: a group the design creates (its own,
// `stevedore-<design>`, or one a task names that does not exist yet) is tagged
// stevedore:design=<design>, and only schedules in groups so tagged are deleted when the design
// drops them.
//
// Scheduler's target names the cluster and the task definition by ARN, which a plan cannot know
// for resources it creates: the inputs carry `ecs-cluster:<name>` and `family:revision`, and
// apply resolves both through ECS (DescribeClusters, DescribeTaskDefinition) just before the call.

type Json = Record<string, unknown>;

/** A cluster reference apply resolves to the cluster's ARN. */
export const CLUSTER_REF = "ecs-cluster:";

const scheduler = (operation: Extract<PlanCall, { service: "scheduler" }>["operation"], input: Json): PlanCall => ({ service: "scheduler", operation, input });

export const groupOfTask = (t: ScheduledTask, designId: string) => t.group ?? designScheduleGroup(designId);

/** CreateSchedule's input for a scheduled task (UpdateSchedule takes the same: it replaces the schedule). */
export function scheduleInput(t: ScheduledTask, group: string, live: LiveState, taskDefinitionRefs: Record<string, string>): Json {
  const cluster = t.cluster.startsWith("arn:") ? t.cluster : live.clusters[clusterNameOf(t.cluster)]?.clusterArn ?? `${CLUSTER_REF}${clusterNameOf(t.cluster)}`;
  const taskDefinition = t.taskDefinition.startsWith("arn:") ? t.taskDefinition : taskDefinitionRefs[familyOf(t.taskDefinition)] ?? t.taskDefinition;
  const vpc = t.networkConfiguration?.awsvpcConfiguration;
  return prune({
    Name: t.name, GroupName: group, Description: t.description,
    ScheduleExpression: t.scheduleExpression, ScheduleExpressionTimezone: t.scheduleExpressionTimezone,
    StartDate: t.startDate, EndDate: t.endDate, State: t.state ?? "ENABLED",
    FlexibleTimeWindow: t.flexibleTimeWindow ? { Mode: t.flexibleTimeWindow.mode, MaximumWindowInMinutes: t.flexibleTimeWindow.maximumWindowInMinutes } : { Mode: "OFF" },
    ActionAfterCompletion: t.actionAfterCompletion ?? "NONE",
    Target: {
      Arn: cluster, RoleArn: t.roleArn,
      Input: t.overrides ? jsonencodeText(t.overrides) : undefined, // as the Terraform export's jsonencode(...) writes it: no diff there
      RetryPolicy: t.retryPolicy ? { MaximumEventAgeInSeconds: t.retryPolicy.maximumEventAgeInSeconds, MaximumRetryAttempts: t.retryPolicy.maximumRetryAttempts } : undefined,
      EcsParameters: {
        TaskDefinitionArn: taskDefinition, TaskCount: t.taskCount ?? 1, LaunchType: t.launchType, CapacityProviderStrategy: t.capacityProviderStrategy,
        PlatformVersion: t.platformVersion, EnableExecuteCommand: t.enableExecuteCommand, PropagateTags: t.propagateTags,
        NetworkConfiguration: vpc ? { awsvpcConfiguration: { Subnets: vpc.subnets, SecurityGroups: vpc.securityGroups, AssignPublicIp: vpc.assignPublicIp } } : undefined,
      },
    },
  }) as Json;
}

const sameTime = (want: unknown, live: unknown) => (want === undefined ? live === undefined : live !== undefined && Date.parse(String(want)) === new Date(live as string).getTime());
/** `family:revision` of a task definition ARN (or the reference as it is). */
const tdRef = (v: unknown) => String(v ?? "").replace(/^arn:[^:]+:ecs:[^:]+:\d+:task-definition\//, "");
const clusterRef = (v: unknown) => (String(v ?? "").startsWith(CLUSTER_REF) ? String(v).slice(CLUSTER_REF.length) : clusterNameOf(String(v ?? "")));

/** The fields of a live schedule that differ from what the design wants. */
export function scheduleChanges(want: Json, live: GetScheduleOutput): FieldChange[] {
  const out: FieldChange[] = [];
  const diff = (path: string, w: unknown, l: unknown, same = canonical(w) === canonical(l)) => { if (!same) out.push({ path, old: l, new: w }); };
  diff("scheduleExpression", want.ScheduleExpression, live.ScheduleExpression);
  diff("scheduleExpressionTimezone", want.ScheduleExpressionTimezone ?? "UTC", live.ScheduleExpressionTimezone ?? "UTC");
  diff("state", want.State, live.State);
  diff("description", want.Description, live.Description || undefined);
  diff("startDate", want.StartDate, live.StartDate, sameTime(want.StartDate, live.StartDate));
  diff("endDate", want.EndDate, live.EndDate, sameTime(want.EndDate, live.EndDate));
  diff("flexibleTimeWindow", want.FlexibleTimeWindow, live.FlexibleTimeWindow);
  diff("actionAfterCompletion", want.ActionAfterCompletion, live.ActionAfterCompletion ?? "NONE");
  const wt = want.Target as Json;
  const lt = (live.Target ?? {}) as Json;
  diff("cluster", clusterRef(wt.Arn), clusterRef(lt.Arn));
  diff("roleArn", wt.RoleArn, lt.RoleArn);
  const parse = (s: unknown) => { try { return typeof s === "string" ? JSON.parse(s) : undefined; } catch { return s; } };
  diff("overrides", parse(wt.Input), parse(lt.Input));
  if (wt.RetryPolicy !== undefined) diff("retryPolicy", wt.RetryPolicy, lt.RetryPolicy, matchesDesired(wt.RetryPolicy, lt.RetryPolicy));
  const we = wt.EcsParameters as Json;
  const le = isObject(lt.EcsParameters) ? lt.EcsParameters : {};
  diff("taskDefinition", tdRef(we.TaskDefinitionArn), tdRef(le.TaskDefinitionArn));
  const { TaskDefinitionArn: _w, ...wantRest } = we;
  const { TaskDefinitionArn: _l, ...liveRest } = le;
  diff("ecsParameters", wantRest, prune(liveRest), matchesDesired(wantRest, liveRest) && Object.keys(prune(liveRest) as Json).every((k) => k in wantRest));
  return out;
}

export type ScheduledTaskPlanInput = { design: Design; live: LiveState; designId: string; taskDefinitionRefs: Record<string, string> };

/** The schedule groups the design's scheduled tasks need and do not have: created, tagged as the design's. */
export function planScheduleGroups(p: ScheduledTaskPlanInput): PlanStep[] {
  const groups = [...new Set((p.design.scheduledTasks ?? []).map((t) => groupOfTask(t, p.designId)))].sort();
  return groups.filter((g) => g !== "default" && !p.live.schedules?.groups[g]).map((g) => ({
    key: `schedule-group:${g}`, kind: "scheduled-task" as const, name: g, action: "create" as const, changes: [],
    notes: [`schedules have no tags: this group is tagged ${DESIGN_TAG}=${p.designId}, which marks its schedules as the design's`],
    calls: [scheduler("CreateScheduleGroup", { Name: g, Tags: [{ Key: DESIGN_TAG, Value: p.designId }] })],
  }));
}

/** The step of one scheduled task: CreateSchedule, UpdateSchedule (a full replacement) or nothing. */
export function planScheduledTask(t: ScheduledTask, p: ScheduledTaskPlanInput): PlanStep {
  const group = groupOfTask(t, p.designId);
  const key = `${group}/${t.name}`;
  const base = { key: `scheduled-task:${key}`, kind: "scheduled-task" as const, name: key, designId: t.id };
  const want = scheduleInput(t, group, p.live, p.taskDefinitionRefs);
  const notes = [`runs ${familyOf(t.taskDefinition)} in ${clusterNameOf(t.cluster)} on ${t.scheduleExpression}${t.scheduleExpressionTimezone ? ` (${t.scheduleExpressionTimezone})` : ""}`];
  const had = p.live.schedules?.byKey[key];
  if (!had) return { ...base, action: "create", changes: [], notes, calls: [scheduler("CreateSchedule", want)] };
  const changes = scheduleChanges(want, had);
  if (changes.length === 0) return { ...base, action: "no-change", changes, notes, calls: [] };
  return { ...base, action: "update", changes, notes: [...notes, "UpdateSchedule replaces the whole schedule with the design's"], calls: [scheduler("UpdateSchedule", want)] };
}

/** Schedules in the design's groups (tagged with it) that it no longer has. */
export function scheduledTaskDeletes(p: ScheduledTaskPlanInput): PlanStep[] {
  const live = p.live.schedules;
  if (!live) return [];
  const owned = new Set(Object.entries(live.groups).filter(([, g]) => g && tagValue(g.tags, DESIGN_TAG) === p.designId).map(([n]) => n));
  const kept = new Set((p.design.scheduledTasks ?? []).map((t) => `${groupOfTask(t, p.designId)}/${t.name}`));
  return Object.keys(live.byKey).filter((k) => owned.has(k.slice(0, k.indexOf("/"))) && !kept.has(k)).sort().map((k) => ({
    key: `scheduled-task:${k}`, kind: "scheduled-task" as const, name: k, action: "delete" as const, changes: [],
    notes: [`in schedule group ${k.slice(0, k.indexOf("/"))}, which this design created (tag ${DESIGN_TAG}=${p.designId}), and no longer in the design`],
    calls: [scheduler("DeleteSchedule", { Name: k.slice(k.indexOf("/") + 1), GroupName: k.slice(0, k.indexOf("/")) })],
  }));
}
