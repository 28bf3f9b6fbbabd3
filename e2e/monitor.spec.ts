import { expect, test, type APIRequestContext } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { SANDBOX_ENV, createSandboxKey, screenshot } from "./helpers";

// Watching a deployment roll out: a service in the app's own sandbox, changed with the AWS SDK
// the way a CI pipeline would, observed on the monitor's pages.

const td = (image: string) => new RegisterTaskDefinitionCommand({
  family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
  containerDefinitions: [{ name: "web", image, essential: true, portMappings: [{ containerPort: 80 }] }],
});

async function control(request: APIRequestContext, body: object) {
  const res = await request.post("/sandbox/control", { data: { region: "eu-west-1", ...body } });
  expect(res.ok()).toBe(true);
}

// The sandbox's delays are shared with every other spec: put them back whatever happens.
test.afterEach(async ({ request }) => {
  await control(request, { action: "setDelays", delays: { pending: 3_000 } });
});

test("a deployment rolls out on the service page, and a crash is explained", async ({ page, baseURL, request }) => {
  test.setTimeout(180_000);
  const ecs = new ECSClient({ endpoint: `${baseURL}/sandbox/ecs`, region: "eu-west-1", credentials: await createSandboxKey(page), maxAttempts: 2 });
  const cluster = `mon-${Date.now()}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await ecs.send(td("nginx:1.27"));
  await ecs.send(new CreateServiceCommand({
    cluster, serviceName: "web", taskDefinition: "web", desiredCount: 3, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } },
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  }));

  // The environment overview: the cluster, its service, counts and health.
  await page.goto(`/monitor/${SANDBOX_ENV}`);
  const section = page.getByTestId(`cluster-${cluster}`);
  await expect(section.getByRole("heading", { name: `Cluster ${cluster}` })).toBeVisible({ timeout: 40_000 });
  const row = section.getByTestId("service-row-web");
  await expect(row.getByTestId("running")).toHaveText("3", { timeout: 40_000 });
  await expect(row.getByTestId("health")).toHaveAttribute("data-level", "healthy", { timeout: 20_000 });
  await expect(section.getByTestId("last-refreshed")).toContainText("Last refreshed");
  await screenshot(page, "monitor-overview");

  await row.getByRole("link", { name: "web" }).click();
  await expect(page).toHaveURL(new RegExp(`/monitor/${SANDBOX_ENV}/${cluster}/web$`));
  await expect(page.getByRole("heading", { level: 1, name: "web" })).toBeVisible();
  await expect(page.getByTestId("service-counts")).toContainText("3 running of 3 desired");
  await expect(page.getByTestId("task-row").filter({ hasText: "RUNNING" })).toHaveCount(3);

  // Roll out revision 2 and watch it happen (image pulls slowed down so the rollout lasts long enough to watch).
  await control(request, { action: "setDelays", delays: { pending: 12_000 } });
  await ecs.send(td("nginx:1.28"));
  await ecs.send(new UpdateServiceCommand({ cluster, service: "web", taskDefinition: "web:2" }));
  const deployments = page.getByTestId("deployment-row");
  await expect(page.getByTestId("deployment-row").and(page.locator('[data-rollout="IN_PROGRESS"]'))).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("health")).toHaveAttribute("data-level", "deploying");
  // The scene shows the rollout: both revisions, within the service's bounds (100 % / 200 % of 3).
  const scene = page.getByTestId("service-scene");
  await expect(scene.getByTestId("scene-story")).toContainText("is replacing the old one", { timeout: 20_000 });
  await expect(scene.getByTestId("scene-story")).toContainText("at least 3 running and at most 6 running or starting");
  await screenshot(page, "monitor-deploying");
  await control(request, { action: "setDelays", delays: { pending: 3_000 } });
  await expect(deployments).toHaveCount(1, { timeout: 90_000 });
  await expect(deployments.first()).toHaveAttribute("data-rollout", "COMPLETED", { timeout: 30_000 });
  await expect(deployments.first()).toContainText("web:2");
  await expect(page.getByTestId("health")).toHaveAttribute("data-level", "healthy", { timeout: 20_000 });
  await expect(page.getByTestId("timeline")).toContainText(/COMPLETED/);
  await screenshot(page, "monitor-rolled-out");

  // A container runs out of memory: the page says so in plain words, and a replacement starts.
  const arns = (await ecs.send(new ListTasksCommand({ cluster, serviceName: "web" }))).taskArns!;
  await control(request, { action: "outOfMemory", cluster, task: arns[0] });
  const why = page.getByTestId("why-stopped").locator('[data-category="out-of-memory"]');
  await expect(why).toContainText("killed for using more memory than its limit allows", { timeout: 30_000 });
  await expect(why).toContainText("Next step");
  await expect(page.getByTestId("service-counts")).toContainText("3 running of 3 desired", { timeout: 40_000 });
  await screenshot(page, "monitor-oom");

  // The history: filter task states by stop reason, export.
  await page.getByRole("link", { name: "Search history and export" }).click();
  const form = page.getByRole("form", { name: "Search the history" });
  await form.getByLabel("What").selectOption("tasks");
  await form.getByLabel("Stop reason").selectOption("out-of-memory");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("history-count")).toHaveText(/^[1-9]\d* rows?/);
  await expect(page.getByTestId("history-table")).toContainText("out-of-memory");
  const download = page.waitForEvent("download");
  await form.getByRole("link", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toBe(`${cluster}-tasks-web.csv`);
  await screenshot(page, "monitor-history");

  await page.goto("/monitor/figures");
  await expect(page.getByTestId("poller-figures").filter({ hasText: `Cluster ${cluster}` })).toContainText("DescribeServices");
  await screenshot(page, "monitor-figures");
  ecs.destroy();
});
