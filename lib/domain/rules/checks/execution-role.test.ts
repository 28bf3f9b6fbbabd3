import { describe, expect, it } from "vitest";
import { executionRole } from "./execution-role";
import { container, td } from "../test-helpers";

describe("execution-role", () => {
  it("accepts public images without secrets, or any task with an execution role", () => {
    expect(executionRole.check(td())).toEqual([]);
    expect(executionRole.check(td({
      executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
      containerDefinitions: [container({ image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" }] })],
    }))).toEqual([]);
  });
  it("needs one for secrets, private ECR, repository credentials and awslogs on Fargate", () => {
    const found = executionRole.check(td({
      requiresCompatibilities: ["FARGATE"],
      containerDefinitions: [
        container({ image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1" }),
        container({ name: "b", secrets: [{ name: "X", valueFrom: "arn:aws:ssm:eu-west-1:123456789012:parameter/x" }] }),
        container({ name: "c", repositoryCredentials: { credentialsParameter: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hub" } }),
        container({ name: "d", logConfiguration: { logDriver: "awslogs", options: {} } }),
      ],
    }));
    expect(found).toHaveLength(1);
    expect(found[0].path).toEqual(["executionRoleArn"]);
    for (const text of ["private ECR", "secrets", "repositoryCredentials", "awslogs"]) expect(found[0].message).toContain(text);
  });
});
