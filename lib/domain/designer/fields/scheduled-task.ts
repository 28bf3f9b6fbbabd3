import { EcsEnums, familyOf } from "../../design";
import { awsvpcFields } from "./service";
import type { FieldContext, FieldGroup } from "./types";

// The scheduled task form: an EventBridge Scheduler schedule (CreateSchedule) whose target is ECS
// RunTask. The cluster and task definition are picked from the design (or typed as ARNs); the
// network configuration and role use the environment's pickers, as services do.

const containersOf = (ctx: FieldContext) => {
  if (ctx.r.kind !== "scheduledTask") return [];
  const fam = familyOf(ctx.r.scheduledTask.taskDefinition);
  return ctx.design.taskDefinitions.find((t) => t.family === fam)?.containerDefinitions.map((c) => c.name) ?? [];
};

export const SCHEDULED_TASK_GROUPS: FieldGroup[] = [
  {
    title: "Schedule",
    fields: [
      {
        type: "text", path: ["scheduleExpression"], label: "Schedule expression", mono: true, required: true, placeholder: "rate(5 minutes)",
        help: "When Scheduler runs the task: rate(5 minutes), cron(0 3 * * ? *) (six fields, \"?\" in day-of-month or day-of-week) or once with at(2026-12-08T03:00:00).",
        choices: () => [
          { value: "rate(5 minutes)", label: "rate(5 minutes): every five minutes" },
          { value: "rate(1 hour)", label: "rate(1 hour): every hour" },
          { value: "cron(0 3 * * ? *)", label: "cron(0 3 * * ? *): every day at 03:00" },
          { value: "cron(0 9 ? * MON-FRI *)", label: "cron(0 9 ? * MON-FRI *): weekdays at 09:00" },
        ],
      },
      { type: "text", path: ["scheduleExpressionTimezone"], label: "Time zone", mono: true, placeholder: "UTC", help: "The IANA time zone cron() and at() are read in, such as Europe/Berlin; empty, UTC. rate() ignores it." },
      { type: "select", path: ["state"], label: "State", options: ["ENABLED", "DISABLED"], emptyLabel: "(default: ENABLED)", help: "A DISABLED schedule stays in place but starts no tasks until enabled again." },
      { type: "text", path: ["group"], label: "Schedule group", mono: true, placeholder: "the design's own group", help: "The group the schedule lives in; names are unique per group. Empty, the design's own group, whose tag marks what the design owns." },
      { type: "text", path: ["description"], label: "Description", help: "What the schedule is for, shown beside it in the Scheduler console." },
    ],
  },
  {
    title: "Target",
    fields: [
      {
        type: "text", path: ["cluster"], label: "Cluster", mono: true, required: true, placeholder: "a cluster of the design, or its ARN",
        help: "The cluster RunTask starts the tasks in; Scheduler's target is this cluster's ARN.",
        choices: ({ design }) => design.clusters.map((c) => ({ value: c.clusterName, label: c.clusterName })),
      },
      {
        type: "text", path: ["taskDefinition"], label: "Task definition", mono: true, required: true, placeholder: "family, family:revision or ARN",
        help: "What each run starts. A bare family runs the revision the apply registers.",
        choices: ({ design }) => design.taskDefinitions.map((t) => ({ value: t.family, label: t.family })),
      },
      { type: "int", path: ["taskCount"], label: "Task count", placeholder: "1", help: "Tasks each invocation starts, 1 to 10 (EcsParameters.TaskCount)." },
      { type: "select", path: ["launchType"], label: "Launch type", options: EcsEnums.LAUNCH_TYPES, emptyLabel: "(cluster's capacity provider strategy)", help: "Fargate or EC2 for every run; empty, the cluster's default capacity provider strategy." },
      { type: "text", path: ["platformVersion"], label: "Platform version", mono: true, placeholder: "LATEST", help: "Fargate platform version of the started tasks; LATEST picks up security fixes." },
      {
        type: "text", path: ["roleArn"], label: "Execution role", mono: true, suggest: "role", placeholder: "arn:aws:iam::…:role/…",
        help: "The role Scheduler assumes to call ecs:RunTask (and iam:PassRole for the task's roles); it must trust scheduler.amazonaws.com. Required.",
      },
    ],
  },
  {
    title: "Network (awsvpc)",
    fields: awsvpcFields(
      "Subnets for each run's task network interfaces; awsvpc tasks (all of Fargate) need at least one, or every run fails.",
      "Firewall of each task; empty, the VPC's default security group.",
    ),
  },
  {
    title: "Overrides",
    fields: [
      {
        type: "list", path: ["overrides", "containerOverrides"], label: "Container overrides", itemLabel: "Container",
        help: "Per container, a command and environment variables that replace the task definition's for these runs (RunTask overrides).",
        newItem: (ctx) => ({ name: containersOf(ctx)[0] ?? "" }),
        fields: [
          { type: "select", path: ["name"], label: "Container", options: containersOf },
          { type: "strings", path: ["command"], label: "Command", itemLabel: "Command argument", mono: true },
          {
            type: "list", path: ["environment"], label: "Environment", itemLabel: "Variable", newItem: () => ({ name: "", value: "" }),
            fields: [
              { type: "text", path: ["name"], label: "Name", mono: true, required: true },
              { type: "text", path: ["value"], label: "Value", mono: true, required: true },
            ],
          },
        ],
      },
    ],
  },
  {
    title: "Delivery",
    collapsed: true,
    fields: [
      { type: "select", path: ["flexibleTimeWindow", "mode"], label: "Flexible window", options: ["OFF", "FLEXIBLE"], emptyLabel: "(default: OFF)", help: "FLEXIBLE lets Scheduler start each run at some point within a window, spreading load; OFF runs on the minute." },
      { type: "int", path: ["flexibleTimeWindow", "maximumWindowInMinutes"], label: "Window (minutes)", placeholder: "1–1440", help: "The longest delay after each scheduled time, 1 to 1440 minutes.", when: ({ resource }) => (resource.flexibleTimeWindow as { mode?: string } | undefined)?.mode === "FLEXIBLE" },
      { type: "text", path: ["startDate"], label: "Start date", mono: true, placeholder: "2026-12-08T00:00:00Z", help: "ISO 8601 instants the schedule runs between; empty, from now on, without end." },
      { type: "text", path: ["endDate"], label: "End date", mono: true, placeholder: "2027-01-01T00:00:00Z", help: "After this instant the schedule starts no more tasks; it must be after the start date." },
      { type: "int", path: ["retryPolicy", "maximumRetryAttempts"], label: "Retry attempts", placeholder: "185", help: "How often Scheduler retries a failed RunTask call (0–185) before it drops that run." },
      { type: "int", path: ["retryPolicy", "maximumEventAgeInSeconds"], label: "Retry for (seconds)", placeholder: "86400", help: "How long Scheduler keeps retrying one run (60–86400 seconds)." },
      { type: "select", path: ["actionAfterCompletion"], label: "After the last run", options: ["NONE", "DELETE"], emptyLabel: "(default: NONE)", help: "DELETE removes a one-time at() schedule once it ran." },
      { type: "bool", path: ["enableExecuteCommand"], label: "ECS Exec", help: "Lets you open a shell in the started tasks (needs SSM permissions on the task role)." },
    ],
  },
];
