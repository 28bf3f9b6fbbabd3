import { clusterNameOf, familyOf, type ScheduledTask } from "../../design";
import { isTimeZone, parseSchedule } from "../../ecs-facts/auto-scaling";
import {
  FLEXIBLE_WINDOW_MAX_MINUTES, IAM_ROLE_ARN_PATTERN, SCHEDULE_EXPRESSION_MAX, SCHEDULE_NAME_MAX, SCHEDULE_NAME_PATTERN,
  SCHEDULE_TASK_COUNT_MAX, toScheduleName,
} from "../../ecs-facts/scheduler";
import type { DesignIndex, DesignRule, Finding, PathSegment } from "../types";
import { isArn } from "./service-util";

// Scheduled tasks: EventBridge Scheduler schedules with an ECS RunTask target. What
// CreateSchedule refuses (names, expressions, time zones, the window, the role) and what RunTask
// would refuse at every invocation, long after the apply succeeded (missing network
// configuration for awsvpc, Fargate without awsvpc, a task count above 10). Sources in
// lib/domain/ecs-facts/scheduler.ts.

type Emit = (t: ScheduledTask, i: number, path: PathSegment[], f: Omit<Finding, "ruleId" | "severity" | "resource" | "path"> & { severity?: Finding["severity"] }) => void;

function each(index: DesignIndex, ruleId: string, body: (t: ScheduledTask, i: number, emit: Emit) => void): Finding[] {
  const out: Finding[] = [];
  const emit: Emit = (t, i, path, f) => out.push({ ruleId, severity: "error", ...f, resource: { kind: "scheduledTask", id: t.id, name: t.name }, path: ["scheduledTasks", i, ...path] });
  (index.design.scheduledTasks ?? []).forEach((t, i) => body(t, i, emit));
  return out;
}

const at = (i: number, ...rest: PathSegment[]) => ["scheduledTasks", i, ...rest];

export const scheduledTaskName: DesignRule = {
  id: "scheduled-task-name",
  title: "Schedule names are valid for EventBridge Scheduler and unique in their group",
  severity: "error",
  scope: "design",
  check(index) {
    const seen = new Set<string>();
    return each(index, "scheduled-task-name", (t, i, emit) => {
      if (t.name.length < 1 || t.name.length > SCHEDULE_NAME_MAX || !SCHEDULE_NAME_PATTERN.test(t.name)) {
        const value = toScheduleName(t.name);
        emit(t, i, ["name"], {
          message: `"${t.name}" is not a schedule name: EventBridge Scheduler takes 1–64 letters, digits, hyphens, underscores and periods, and CreateSchedule would answer ValidationException.`,
          fix: { description: `Rename the schedule to "${value}".`, edits: [{ path: at(i, "name"), value }] },
        });
      }
      const key = `${t.group ?? ""}/${t.name}`;
      if (seen.has(key)) {
        const value = toScheduleName(`${t.name}-${i + 1}`);
        emit(t, i, ["name"], {
          message: `Another scheduled task is named "${t.name}" in the same schedule group; names are unique per group, so CreateSchedule would answer ConflictException for the second.`,
          fix: { description: `Rename it to "${value}".`, edits: [{ path: at(i, "name"), value }] },
        });
      }
      seen.add(key);
      if (t.group !== undefined && (!SCHEDULE_NAME_PATTERN.test(t.group) || t.group.length > SCHEDULE_NAME_MAX)) {
        emit(t, i, ["group"], {
          message: `"${t.group}" is not a schedule group name (1–64 letters, digits, hyphens, underscores and periods).`,
          fix: { description: "Use the design's own schedule group.", edits: [{ path: at(i, "group"), value: undefined }] },
        });
      }
    });
  },
};

export const scheduledTaskExpression: DesignRule = {
  id: "scheduled-task-expression",
  title: "Schedule expressions, time zones and windows are ones EventBridge Scheduler accepts",
  severity: "error",
  scope: "design",
  check(index) {
    return each(index, "scheduled-task-expression", (t, i, emit) => {
      const parsed = parseSchedule(t.scheduleExpression.trim());
      if (typeof parsed === "string" || t.scheduleExpression.length > SCHEDULE_EXPRESSION_MAX) {
        emit(t, i, ["scheduleExpression"], {
          message: `"${t.scheduleExpression}" is not a schedule expression (${typeof parsed === "string" ? parsed : "longer than 256 characters"}). Scheduler takes rate(5 minutes), cron(0 3 * * ? *) with six fields and "?" in day-of-month or day-of-week, or at(2026-12-08T03:00:00).`,
          fix: { description: "Run it every day at 03:00.", edits: [{ path: at(i, "scheduleExpression"), value: "cron(0 3 * * ? *)" }] },
        });
      } else if (parsed.kind === "rate" && parsed.seconds < 60) {
        emit(t, i, ["scheduleExpression"], { message: "A rate schedule runs at most once a minute." });
      }
      if (t.scheduleExpressionTimezone !== undefined && !isTimeZone(t.scheduleExpressionTimezone)) {
        emit(t, i, ["scheduleExpressionTimezone"], {
          message: `"${t.scheduleExpressionTimezone}" is not an IANA time zone (such as Europe/Berlin or America/New_York); Scheduler refuses it.`,
          fix: { description: "Read the expression in UTC.", edits: [{ path: at(i, "scheduleExpressionTimezone"), value: undefined }] },
        });
      }
      const w = t.flexibleTimeWindow;
      if (w?.mode === "FLEXIBLE" && (w.maximumWindowInMinutes === undefined || w.maximumWindowInMinutes < 1 || w.maximumWindowInMinutes > FLEXIBLE_WINDOW_MAX_MINUTES)) {
        emit(t, i, ["flexibleTimeWindow", "maximumWindowInMinutes"], {
          message: "A FLEXIBLE time window needs maximumWindowInMinutes between 1 and 1440: Scheduler invokes the target at some point within that many minutes of each time.",
          fix: { description: "Allow 15 minutes.", edits: [{ path: at(i, "flexibleTimeWindow", "maximumWindowInMinutes"), value: 15 }] },
        });
      }
      if (t.actionAfterCompletion === "DELETE" && typeof parsed !== "string" && parsed.kind !== "at") {
        emit(t, i, ["actionAfterCompletion"], {
          severity: "warning",
          message: "ActionAfterCompletion DELETE deletes a schedule after its last invocation: a recurring schedule without an end date never completes, so it is never deleted; the next apply would also create it again.",
        });
      }
      if (t.startDate !== undefined && t.endDate !== undefined && !(Date.parse(t.endDate) > Date.parse(t.startDate))) {
        emit(t, i, ["endDate"], { message: "The end date must be after the start date." });
      }
    });
  },
};

export const scheduledTaskTarget: DesignRule = {
  id: "scheduled-task-target",
  title: "A scheduled task names its cluster, task definition and role, with what RunTask needs",
  severity: "error",
  scope: "design",
  check(index) {
    const { clusterByName, tdByFamily } = index;
    return each(index, "scheduled-task-target", (t, i, emit) => {
      if (!t.roleArn) {
        emit(t, i, ["roleArn"], {
          message: "The schedule has no execution role: Scheduler's Target.RoleArn is required, the role Scheduler assumes to call ecs:RunTask (and iam:PassRole for the task's roles). It must trust scheduler.amazonaws.com.",
          fix: { description: "Pick a role that trusts scheduler.amazonaws.com and may call ecs:RunTask." },
        });
      } else if (!IAM_ROLE_ARN_PATTERN.test(t.roleArn)) {
        emit(t, i, ["roleArn"], { message: `"${t.roleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).` });
      }
      if (!clusterByName.has(clusterNameOf(t.cluster)) && !isArn(t.cluster)) {
        const first = [...clusterByName.keys()][0];
        emit(t, i, ["cluster"], {
          message: `The design has no cluster named "${t.cluster}": the schedule's target is a cluster ARN, and RunTask would fail with ClusterNotFoundException at every invocation.`,
          ...(first ? { fix: { description: `Run it in cluster ${first}.`, edits: [{ path: at(i, "cluster"), value: first }] } } : {}),
        });
      }
      const td = tdByFamily.get(familyOf(t.taskDefinition))?.[0];
      if (!td && !isArn(t.taskDefinition)) {
        const first = [...tdByFamily.keys()][0];
        emit(t, i, ["taskDefinition"], {
          message: `The design has no task definition of family "${familyOf(t.taskDefinition)}" to run.`,
          ...(first ? { fix: { description: `Run ${first}.`, edits: [{ path: at(i, "taskDefinition"), value: first }] } } : {}),
        });
      }
      const count = t.taskCount ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > SCHEDULE_TASK_COUNT_MAX) {
        emit(t, i, ["taskCount"], {
          message: `A schedule starts 1 to 10 tasks per invocation (EcsParameters.TaskCount); ${count} is outside that.`,
          fix: { description: "Start one task.", edits: [{ path: at(i, "taskCount"), value: undefined }] },
        });
      }
      if (t.launchType && t.capacityProviderStrategy?.length) {
        emit(t, i, ["capacityProviderStrategy"], {
          message: "A schedule's EcsParameters take a launch type or a capacity provider strategy, not both.",
          fix: { description: "Keep the launch type.", edits: [{ path: at(i, "capacityProviderStrategy"), value: undefined }] },
        });
      }
      const fargate = t.launchType === "FARGATE" || (t.capacityProviderStrategy ?? []).some((s) => s.capacityProvider.startsWith("FARGATE"));
      const mode = td?.networkMode ?? (fargate ? "awsvpc" : "bridge");
      if (fargate && td && td.networkMode !== "awsvpc") {
        emit(t, i, ["launchType"], {
          message: `Fargate runs only awsvpc task definitions; ${td.family} uses network mode ${td.networkMode ?? "bridge (the default)"}, so RunTask would refuse every invocation.`,
          fix: { description: `Use network mode awsvpc in ${td.family}.`, edits: [{ path: ["taskDefinitions", index.design.taskDefinitions.indexOf(td), "networkMode"], value: "awsvpc" }] },
        });
      }
      if (mode === "awsvpc" && !t.networkConfiguration?.awsvpcConfiguration.subnets.length) {
        emit(t, i, ["networkConfiguration"], {
          message: "An awsvpc task needs a network configuration (at least one subnet): without one every invocation's RunTask fails with InvalidParameterException, and Scheduler only counts the failure.",
          fix: { description: "Use the environment's default VPC: its default subnets and security group.", fromEnvironment: "default-vpc" },
        });
      }
      if (t.networkConfiguration?.awsvpcConfiguration.assignPublicIp === "ENABLED" && !fargate) {
        emit(t, i, ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"], {
          message: "AssignPublicIp ENABLED is only for the FARGATE launch type.",
          fix: { description: "Do not assign a public IP.", edits: [{ path: at(i, "networkConfiguration", "awsvpcConfiguration", "assignPublicIp"), value: "DISABLED" }] },
        });
      }
      const names = new Set(td?.containerDefinitions.map((c) => c.name));
      (t.overrides?.containerOverrides ?? []).forEach((o, j) => {
        if (td && !names.has(o.name)) {
          emit(t, i, ["overrides", "containerOverrides", j, "name"], { message: `${td.family} has no container "${o.name}" to override; RunTask would refuse the override.` });
        }
      });
    });
  },
};
