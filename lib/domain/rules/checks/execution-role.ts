import type { TaskDefinitionRule } from "../types";
import { PRIVATE_ECR_IMAGE } from "../../ecs-facts/task-definition";
import { containersOf } from "./task-definition-util";
import { requiresFargate } from "../../ecs-facts/task-definition";

export const executionRole: TaskDefinitionRule = {
  id: "execution-role",
  title: "Features ECS performs on the task's behalf have an execution role",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    if (td.executionRoleArn) return [];
    const fargate = requiresFargate(td);
    const reasons: string[] = [];
    for (const c of containersOf(td)) {
      const why: string[] = [];
      if (c.secrets && c.secrets.length > 0) why.push("reads secrets");
      if (c.logConfiguration?.secretOptions && c.logConfiguration.secretOptions.length > 0) why.push("passes secrets to its log driver");
      if (c.repositoryCredentials) why.push("pulls with repositoryCredentials");
      if (c.image && PRIVATE_ECR_IMAGE.test(c.image)) why.push("pulls a private ECR image");
      if (c.environmentFiles && c.environmentFiles.length > 0) why.push("loads environment files from S3");
      if (fargate && c.logConfiguration?.logDriver === "awslogs") why.push("logs to CloudWatch with awslogs on Fargate");
      if (why.length > 0) reasons.push(`"${c.name}" ${why.join(", ")}`);
    }
    if (reasons.length === 0) return [];
    return [{
      path: ["executionRoleArn"],
      message: `This task definition has no executionRoleArn, but ${reasons.join("; ")}. ECS (not your application) fetches secrets, pulls private images and writes awslogs before the containers start, and it does so with the task execution role; without one the task fails to start. (taskRoleArn is the role your application uses, a different thing.)`,
      fix: { description: "Set executionRoleArn to a role that trusts ecs-tasks.amazonaws.com and has the AmazonECSTaskExecutionRolePolicy (plus read access to the secrets or S3 files used)." },
    }];
  },
};
