import { catalogEntry } from "../catalog";
import { containers, done, findingsOf, mapTaskDefinition, notYet } from "../helpers";
import type { Lesson } from "../types";
import { fargateTaskDefinition, starterDesign } from "./starters";

const FAMILY = "reports";
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const isReports = (td: { family: string }) => td.family === FAMILY;

export const taskRole: Lesson = {
  ...catalogEntry("task-role"),
  summary: "Give the task an IAM role: ECS hands it short-lived credentials, and nothing secret sits in the task definition.",
  recap: [
    "Access keys in a task definition's environment can be read by anyone who can read the task definition, and they stay valid until someone revokes them.",
    "A task role gives the application in the container short-lived credentials that the AWS SDK finds by itself and that are renewed automatically.",
    "The execution role is for ECS itself: it uses it to pull a private ECR image and send awslogs output, before and outside your code.",
  ],
  concepts: ["iam-roles"],
  starter: starterDesign({
    taskDefinitions: [fargateTaskDefinition(FAMILY, [{
      name: "exporter", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/reports:2.3.1", essential: true,
      environment: [
        { name: "BUCKET", value: "acme-reports" },
        { name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7EXAMPLE" },
        { name: "AWS_SECRET_ACCESS_KEY", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
      ],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/reports", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "reports" } },
    }])],
  }),
  steps: [
    {
      id: "remove-keys",
      title: "Take the keys out",
      goal: "The exporter container gets long-lived access keys through its environment. Anyone who can read the task definition can read them. Remove both AWS_* variables (keep BUCKET).",
      hints: ["Select the exporter container and delete the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables."],
      check: {
        kind: "design",
        check(design, findings) {
          const leak = findingsOf(findings, "credentials-in-environment")[0];
          if (leak) return notYet(leak.message);
          const td = design.taskDefinitions.find(isReports);
          if (!td) return notYet(`The task definition “${FAMILY}” is gone; restart the lesson to get it back.`);
          const keepsBucket = containers(td).some((c) => (c.environment ?? []).some((e) => e.name === "BUCKET"));
          return keepsBucket ? done() : notYet("BUCKET went too: the exporter still needs to know where to write.");
        },
        solve: (design) => mapTaskDefinition(design, isReports, (td) => ({
          ...td, containerDefinitions: containers(td).map((c) => ({ ...c, environment: (c.environment ?? []).filter((e) => !e.name?.startsWith("AWS_")) })),
        })),
      },
    },
    {
      id: "task-role",
      title: "Give the task a role",
      goal: "Set the task role to arn:aws:iam::123456789012:role/reports-task. The AWS SDK in the container finds its credentials through it, and they rotate by themselves.",
      hints: ["The task role is what your code gets. It is a field of the task definition, not of the container."],
      check: {
        kind: "design",
        check(design) {
          const td = design.taskDefinitions.find(isReports);
          if (!td) return notYet(`The task definition “${FAMILY}” is gone; restart the lesson to get it back.`);
          if (!td.taskRoleArn) return notYet("The task definition has no task role yet.");
          return ROLE_ARN.test(td.taskRoleArn) ? done() : notYet(`“${td.taskRoleArn}” is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).`);
        },
        solve: (design) => mapTaskDefinition(design, isReports, (td) => ({ ...td, taskRoleArn: "arn:aws:iam::123456789012:role/reports-task" })),
      },
    },
    {
      id: "execution-role",
      title: "And an execution role for ECS itself",
      goal: "ECS, not your code, pulls the private ECR image and ships awslogs output. Set the execution role to arn:aws:iam::123456789012:role/ecsTaskExecutionRole.",
      hints: ["Two roles, two audiences: the task role is for your application; the execution role is for the ECS agent or Fargate before and around your container."],
      check: {
        kind: "design",
        check(design, findings) {
          const td = design.taskDefinitions.find(isReports);
          if (!td) return notYet(`The task definition “${FAMILY}” is gone; restart the lesson to get it back.`);
          if (!td.executionRoleArn) return notYet(findingsOf(findings, "execution-role")[0]?.message ?? "The task definition has no execution role yet.");
          if (!ROLE_ARN.test(td.executionRoleArn)) return notYet(`“${td.executionRoleArn}” is not an IAM role ARN.`);
          if (!td.taskRoleArn) return notYet("The task role went missing: keep it, your code still needs it.");
          return done();
        },
        solve: (design) => mapTaskDefinition(design, isReports, (td) => ({ ...td, executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" })),
      },
    },
  ],
};
