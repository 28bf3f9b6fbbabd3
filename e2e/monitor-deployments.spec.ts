import { expect, test, type Browser, type Page } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { E2E_PEOPLE, storageStateOf, type E2ERole } from "./auth";
import { screenshot, uniqueName } from "./helpers";

// An on-call engineer on a service's monitor page during a canary deployment: the timeline
// (strategy, stages, 10 % of traffic on green, the paused hook, what changed), Continue for a
// deployer of the environment, nothing for a viewer. The environment is an AWS-kind one whose
// ECS endpoint is a small implementation of the ECS API run by this test, in the real JSON
// shapes, standing in for an AWS account; the app reaches it through the real SDK.
// playwright.config.ts gives the server a fake AWS key, so its SDK signs its calls to that endpoint.

const ACCOUNT = "111122223333";
const arn = (kind: string, rest: string) => `arn:aws:ecs:eu-west-1:${ACCOUNT}:${kind}/${rest}`;
const DEP = arn("service-deployment", "shop/web/canary1");
const td = (n: number) => arn("task-definition", `web:${n}`);
const now = () => Date.now() / 1000;
const state = { weight: 10, hook: "AWAITING_ACTION", status: "IN_PROGRESS", stage: "PRODUCTION_TRAFFIC_SHIFT", desired: 2 };
const calls: { op: string; input: Record<string, unknown> }[] = [];

function task(i: number, rev: number) {
  const id = `${rev}${i}`.padEnd(32, "a");
  return {
    taskArn: arn("task", `shop/${id}`), clusterArn: arn("cluster", "shop"), group: "service:web", taskDefinitionArn: td(rev),
    lastStatus: "RUNNING", desiredStatus: "RUNNING", launchType: "FARGATE", createdAt: now() - 300 + rev * 60 + i, startedAt: now() - 290 + rev * 60,
    availabilityZone: "eu-west-1a", containers: [{ name: "web", image: `web:${rev}`, lastStatus: "RUNNING" }],
  };
}

function answer(op: string, input: Record<string, unknown>): [number, unknown] {
  const ids = [1, 2];
  switch (op) {
    case "ListServices": return [200, { serviceArns: [arn("service", "shop/web")] }];
    case "DescribeServices": return [200, { services: [{
      serviceName: "web", serviceArn: arn("service", "shop/web"), clusterArn: arn("cluster", "shop"), status: "ACTIVE", desiredCount: state.desired,
      runningCount: 4, pendingCount: 0, taskDefinition: td(2), launchType: "FARGATE", events: [],
      deploymentConfiguration: { strategy: "CANARY", deploymentCircuitBreaker: { enable: true, rollback: true } },
      deployments: [
        { id: "ecs-svc/2", status: "PRIMARY", taskDefinition: td(2), desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: state.status === "SUCCESSFUL" ? "COMPLETED" : "IN_PROGRESS", updatedAt: now() },
        ...(state.status === "SUCCESSFUL" ? [] : [{ id: "ecs-svc/1", status: "ACTIVE", taskDefinition: td(1), desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: "COMPLETED", updatedAt: now() - 600 }]),
      ],
    }], failures: [] }];
    case "ListTasks": return [200, { taskArns: input.desiredStatus === "STOPPED" ? [] : [...ids.map((i) => task(i, 1).taskArn), ...ids.map((i) => task(i, 2).taskArn)] }];
    case "DescribeTasks": return [200, { tasks: [...ids.map((i) => task(i, 1)), ...ids.map((i) => task(i, 2))].filter((t) => (input.tasks as string[]).includes(t.taskArn)), failures: [] }];
    case "ListContainerInstances": return [200, { containerInstanceArns: [] }];
    case "ListServiceDeployments": return [200, { serviceDeployments: [{ serviceDeploymentArn: DEP, status: state.status, createdAt: now() - 300, targetServiceRevisionArn: arn("service-revision", "shop/web/2") }] }];
    case "DescribeServiceDeployments": return [200, { serviceDeployments: [{
      serviceDeploymentArn: DEP, serviceArn: arn("service", "shop/web"), clusterArn: arn("cluster", "shop"),
      createdAt: now() - 300, startedAt: now() - 299, updatedAt: now(), status: state.status, lifecycleStage: state.stage,
      ...(state.status === "SUCCESSFUL" ? { finishedAt: now() } : {}),
      sourceServiceRevisions: [{ arn: arn("service-revision", "shop/web/1"), requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: 100 - state.weight }],
      targetServiceRevision: { arn: arn("service-revision", "shop/web/2"), requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0, requestedProductionTrafficWeight: state.weight, requestedTestTrafficWeight: 100 },
      deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }, bakeTimeInMinutes: 10 },
      deploymentCircuitBreaker: { status: "MONITORING", failureCount: 0, threshold: 3 },
      lifecycleHookDetails: [{ hookId: "ecs-pause-e2eHook_1", targetType: "PAUSE", status: state.hook, expiresAt: now() + 1800, timeoutAction: "ROLLBACK" }],
    }], failures: [] }];
    case "DescribeServiceRevisions": return [200, { serviceRevisions: (input.serviceRevisionArns as string[]).map((a) => ({
      serviceRevisionArn: a, serviceArn: arn("service", "shop/web"), taskDefinition: td(a.endsWith("/1") ? 1 : 2), launchType: "FARGATE",
      loadBalancers: [{ targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/web-blue/0123456789abcdef`, containerName: "web", containerPort: 80 }],
    })), failures: [] }];
    case "DescribeTaskDefinition": {
      const n = String(input.taskDefinition).endsWith(":1") ? 1 : 2;
      return [200, { taskDefinition: {
        taskDefinitionArn: td(n), family: "web", revision: n, cpu: n === 1 ? "256" : "512", memory: "1024", networkMode: "awsvpc",
        containerDefinitions: [{ name: "web", image: `web:${n}`, essential: true, portMappings: [{ containerPort: 80, protocol: "tcp" }], environment: [{ name: "MODE", value: "x" }, ...(n === 2 ? [{ name: "FEATURE_CHECKOUT", value: "on" }] : [])] }],
      }, tags: [] }];
    }
    case "ContinueServiceDeployment":
      state.hook = "SUCCEEDED";
      state.weight = 100;
      state.status = "SUCCESSFUL";
      state.stage = "CLEAN_UP";
      return [200, { serviceDeploymentArn: DEP }];
    case "UpdateService":
      if (typeof input.desiredCount === "number") state.desired = input.desiredCount;
      return [200, { service: { serviceArn: arn("service", "shop/web"), desiredCount: state.desired } }];
    default:
      return [400, { __type: "InvalidParameterException", message: `This ECS does not answer ${op}.` }];
  }
}

let server: Server;
let endpoint: string;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const op = String(req.headers["x-amz-target"] ?? "").split(".").pop()!;
      const input = JSON.parse(Buffer.concat(chunks).toString() || "{}");
      calls.push({ op, input });
      const [status, body] = answer(op, input);
      res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((r) => server.close(r));
});

async function as(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

test("a deployer continues a paused canary from the service page; a viewer sees it but cannot act", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await as(browser, "admin");
  const envName = uniqueName("On-call");

  // The admin: an AWS environment at this test's ECS endpoint, and the deployer grant for the editor.
  await admin.goto("/environments");
  await admin.getByRole("button", { name: "New environment" }).click();
  const form = admin.getByRole("dialog", { name: "New environment" });
  await form.getByLabel("Name", { exact: true }).fill(envName);
  await form.getByLabel("Region").fill("eu-west-1");
  await form.getByLabel("ECS endpoint (optional)").fill(endpoint);
  await form.getByRole("button", { name: "Create environment" }).click();
  const row = admin.getByTestId("environment").filter({ hasText: envName });
  const grantForm = row.getByRole("form", { name: `Add a grant on ${envName}` });
  await grantForm.getByLabel("Person").selectOption({ label: `${E2E_PEOPLE.editor.name} (${E2E_PEOPLE.editor.email})` });
  await grantForm.getByLabel("Role on this environment").selectOption("deployer");
  await grantForm.getByRole("button", { name: "Add grant" }).click();
  await expect(row.getByTestId("grant")).toContainText(`deployer${E2E_PEOPLE.editor.name}`);
  await admin.goto("/monitor");
  await admin.getByRole("link", { name: new RegExp(envName) }).click();
  await expect(admin).toHaveURL(/\/monitor\/[0-9a-f-]{36}$/);
  const envId = admin.url().split("/").pop()!;
  const servicePage = `/monitor/${envId}/shop/web`;

  // A viewer: the whole timeline, no way to change anything.
  const viewer = await as(browser, "viewer");
  await viewer.goto(servicePage);
  const timeline = viewer.getByTestId("deployment-timeline");
  const card = timeline.getByTestId("service-deployment").first();
  await expect(card).toHaveAttribute("data-strategy", "CANARY", { timeout: 30_000 });
  await expect(card.getByTestId("traffic")).toContainText("10% green");
  await expect(card.getByTestId("awaiting-hook")).toContainText("ecs-pause-e2eHook_1");
  await expect(card.getByRole("button", { name: "Continue" })).toBeDisabled();
  await expect(timeline.getByRole("button", { name: "Force new deployment" })).toBeDisabled();
  await expect(timeline.getByTestId("cannot-deploy")).toContainText("editor role");
  await screenshot(viewer, "monitor-deployments-viewer");
  // This endpoint answers only ECS: CloudWatch's GetMetricData fails, and the metrics say so in its words.
  const utilisation = viewer.getByTestId("utilisation");
  await expect(utilisation.getByRole("alert").filter({ hasText: "CloudWatch answered with an error" })).toContainText("GetMetricData", { timeout: 30_000 });
  await utilisation.scrollIntoViewIfNeeded();
  await screenshot(viewer, "monitor-metrics-error");

  // The editor, a deployer here: the paused canary, blue and green in the scene, what changed.
  const editor = await as(browser, "editor");
  await editor.goto(servicePage);
  const mine = editor.getByTestId("deployment-timeline").getByTestId("service-deployment").first();
  await expect(mine.getByTestId("stages").locator('[aria-current="step"]')).toHaveText("Production traffic", { timeout: 30_000 });
  await expect(mine.getByTestId("revision-diff")).toContainText("web:2");
  await expect(mine.getByTestId("revision-diff")).toContainText("FEATURE_CHECKOUT, MODE");
  const scene = editor.getByTestId("service-scene");
  await expect(scene.getByTestId("scene-traffic")).toContainText("green revision 2: 2 running, 10 % of traffic", { timeout: 20_000 });
  await expect(scene.locator('[data-testid="scene-task"][data-side="green"]')).toHaveCount(2);
  await screenshot(editor, "monitor-deployments-paused");

  await mine.getByRole("button", { name: "Continue" }).click();
  await expect(mine).toHaveAttribute("data-status", "SUCCESSFUL", { timeout: 20_000 });
  await expect(mine.getByTestId("traffic")).toContainText("100% green");
  await expect(mine.getByTestId("awaiting-hook")).toHaveCount(0);
  expect(calls.filter((c) => c.op === "ContinueServiceDeployment").map((c) => c.input)).toEqual([{ serviceDeploymentArn: DEP, hookId: "ecs-pause-e2eHook_1", action: "CONTINUE" }]);
  await screenshot(editor, "monitor-deployments-continued");

  // Scale from the same page.
  const actions = editor.getByTestId("service-actions");
  await actions.getByLabel("Desired count").fill("3");
  await actions.getByRole("button", { name: "Set desired count" }).click();
  await expect(editor.getByTestId("service-counts")).toContainText("of 3 desired", { timeout: 20_000 });
  expect(calls.filter((c) => c.op === "UpdateService").map((c) => c.input)).toEqual([{ cluster: "shop", service: "web", desiredCount: 3 }]);
});
