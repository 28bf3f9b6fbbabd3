import { expect, test } from "@playwright/test";
import { importDesignText, screenshot, uniqueName } from "./helpers";

// What a design costs, shown where decisions are made: the design page, the canvas (each service
// node and the toolbar total) and the plan (the change in monthly cost). us-east-1 prices of the
// shipped table: a 0.25 vCPU / 0.5 GB Linux x86 Fargate task is $9.01 a month.
function designJson(suffix: string): string {
  const cluster = `e2e-cost-${suffix}`;
  const td = (family: string) => ({
    id: `td-${family}`, family: `${family}-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions: [{ name: "app", image: "public.ecr.aws/nginx/nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
  });
  return JSON.stringify({
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: cluster }],
    taskDefinitions: [td("web"), td("worker")],
    services: [
      { id: "svc-web", serviceName: "web", cluster, taskDefinition: `web-${suffix}`, desiredCount: 2, launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] } } },
      { id: "svc-worker", serviceName: "worker", cluster, taskDefinition: `worker-${suffix}`, desiredCount: 1, launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-1"], assignPublicIp: "ENABLED" } } },
    ],
    layout: {},
  }, null, 2);
}

test("the cost of a design on its page, on the canvas and in the plan", async ({ page }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const name = uniqueName("Cost");
  await importDesignText(page, name, designJson(suffix));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const designUrl = page.url();
  // web: 2 × $9.01; worker: $9.01 + a public IPv4 address ($0.005 × 730 h = $3.65).
  const cost = page.getByTestId("design-cost");
  await expect(cost.getByTestId("design-cost-total")).toHaveText("$30.68/mo");
  await expect(cost).toContainText("730 hours a month, on-demand prices of us-east-1");
  await cost.scrollIntoViewIfNeeded();
  await screenshot(page, "cost-design-page");

  await page.goto(`${designUrl}/canvas`);
  const web = page.getByTestId("service-node").filter({ hasText: "web" });
  await expect(web.getByTestId("service-cost")).toHaveText("$18.02/mo");
  await expect(web.getByTestId("service-cost")).toHaveAttribute("title", /Fargate Linux x86: \$18\.02\/mo[\s\S]*assumes 730 hours a month/);
  await expect(page.getByTestId("service-node").filter({ hasText: "worker" }).getByTestId("service-cost")).toHaveText("$12.66/mo");
  await expect(page.getByTestId("toolbar-cost")).toHaveText("Cost $30.68/mo");
  await screenshot(page, "cost-canvas");

  await page.goto(`${designUrl}/plan`);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  const planCost = page.getByTestId("plan-cost");
  await expect(planCost).toContainText("$0.00/mo → $30.68/mo");
  await expect(planCost.getByTestId("plan-cost-change")).toHaveText("(+$30.68/mo)");
  await expect(planCost).toContainText("priced as if in us-east-1");
  await screenshot(page, "cost-plan");
});

test("refresh a Region's prices from the Price List on the sandbox environment, then price the design there", async ({ page }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const name = uniqueName("Cost region");
  await importDesignText(page, name, designJson(suffix));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const designUrl = page.url();

  await page.goto("/environments/00000000-0000-4000-8000-00000000ec50");
  const prices = page.getByTestId("refresh-prices");
  await prices.getByLabel("Region").selectOption("eu-central-1");
  await prices.getByRole("button", { name: "Refresh prices" }).click();
  await expect(prices.getByRole("status")).toContainText(/Prices of eu-central-1 refreshed \(\d{4}-\d{2}-\d{2}\)/);
  await expect(prices.getByRole("row").filter({ hasText: "eu-central-1" })).toBeVisible();
  await prices.scrollIntoViewIfNeeded();
  await screenshot(page, "cost-refresh-prices");

  await page.goto(designUrl);
  await page.getByLabel("Prices of").selectOption("eu-central-1");
  await page.getByRole("button", { name: "Show" }).click();
  // Frankfurt: 3 tasks × (0.25 × $0.04656 + 0.5 × $0.00511) × 730 h, and the worker's public IPv4 address.
  const cost = page.getByTestId("design-cost");
  await expect(cost.getByTestId("design-cost-total")).toHaveText("$34.74/mo");
  await expect(cost).toContainText("on-demand prices of eu-central-1 read");
  await screenshot(page, "cost-design-page-eu-central-1");
});
