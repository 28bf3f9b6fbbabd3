import { expect, test } from "@playwright/test";
import { createSandboxKey } from "./helpers";
import {
  ClusterNotFoundException, CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, ECSClient,
  ListTasksCommand, RegisterTaskDefinitionCommand,
} from "@aws-sdk/client-ecs";

// The sandbox as users reach it: the unchanged AWS SDK against the running app's own route
// (integration tests cover the handler; this covers Next's routing in front of it, e.g. the
// trailing slash SDKs add to the endpoint path).
test("the AWS SDK drives the sandbox through the app's /sandbox/ecs route", async ({ baseURL, page }) => {
  const ecs = new ECSClient({
    endpoint: `${baseURL}/sandbox/ecs`,
    region: "eu-west-1",
    // The editor's own sandbox access key, made on their profile page: the endpoint takes only signed calls.
    credentials: await createSandboxKey(page),
    maxAttempts: 1,
  });
  const cluster = `e2e-${Date.now()}`;
  await expect(ecs.send(new DescribeServicesCommand({ cluster, services: ["web"] }))).rejects.toBeInstanceOf(ClusterNotFoundException);

  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const td = await ecs.send(new RegisterTaskDefinitionCommand({
    family: cluster, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
  }));
  expect(td.taskDefinition?.taskDefinitionArn).toMatch(new RegExp(`:task-definition/${cluster}:1$`));
  await ecs.send(new CreateServiceCommand({
    cluster, serviceName: "web", taskDefinition: cluster, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } },
  }));

  // The scheduler starts the tasks over (simulated) time; poll like a user would.
  await expect.poll(async () => {
    const r = await ecs.send(new DescribeServicesCommand({ cluster, services: ["web"] }));
    return r.services?.[0]?.runningCount;
  }, { timeout: 30_000, intervals: [500] }).toBe(2);
  const tasks = await ecs.send(new ListTasksCommand({ cluster, serviceName: "web" }));
  expect(tasks.taskArns).toHaveLength(2);
  ecs.destroy();
});
