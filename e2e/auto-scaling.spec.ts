import { expect, test, type Page } from "@playwright/test";
import { screenshot, uniqueName } from "./helpers";

// Service auto scaling end to end against the built-in sandbox: set the range in the inspector,
// plan (an Auto scaling step after the service) and apply, then the service page shows the
// scaler's activity: registering a minimum above the desired count moves the count up.

const SANDBOX_ENV = "00000000-0000-4000-8000-00000000ec50";
const inspectorOf = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

function designJson(suffix: string): string {
  const cluster = `e2e-as-${suffix}`;
  return JSON.stringify({
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: cluster }],
    taskDefinitions: [{
      id: "td-web", family: `web-as-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
      containerDefinitions: [{ name: "app", image: "public.ecr.aws/nginx/nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
    }],
    services: [{
      id: "svc-web", serviceName: "web", cluster, taskDefinition: `web-as-${suffix}`, desiredCount: 1, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] } },
    }],
    layout: {},
  }, null, 2);
}

test("the scaling range set in the inspector is applied, and the service page says why the desired count changed", async ({ page }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const name = uniqueName("Auto scaling");
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("Text").fill(designJson(suffix));
  await dialog.getByLabel("Design name").fill(name);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  const url = page.url();

  await page.goto(`${url}/canvas`);
  await page.getByTestId("service-node").filter({ hasText: "web" }).click();
  const inspector = inspectorOf(page);
  await inspector.locator("summary", { hasText: "Auto scaling" }).click();
  await inspector.getByLabel("Minimum tasks").fill("2");
  await inspector.getByLabel("Maximum tasks").fill("4");
  await expect(inspector.getByLabel("Maximum tasks")).toHaveValue("4");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  await screenshot(page, "auto-scaling-inspector");

  await page.goto(`${url}/plan`);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  const scaling = page.getByRole("region", { name: "Auto scaling" });
  await expect(scaling.getByTestId("plan-step")).toContainText(`e2e-as-${suffix}/web`);
  await scaling.getByText(/Application Auto Scaling calls \(RegisterScalableTarget\)/).click();
  await expect(scaling.locator("pre")).toContainText(`"MinCapacity": 2`);
  await screenshot(page, "auto-scaling-plan");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 90_000 });

  await page.getByRole("button", { name: "Plan again" }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("No changes");

  await page.goto(`/monitor/${SANDBOX_ENV}/e2e-as-${suffix}/web`);
  const activity = page.getByTestId("scaling-activity-row").first();
  await expect(page.getByTestId("scaling-range")).toContainText("between 2 and 4 tasks", { timeout: 30_000 });
  await expect(activity).toContainText("Setting desired count to 2.");
  await expect(activity).toContainText("minimum capacity was set to 2");
  await expect(page.getByTestId("service-counts")).toContainText("of 2 desired", { timeout: 30_000 });
  await screenshot(page, "auto-scaling-activity");
});
