import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./auth";
import { importDesignText, screenshot, uniqueName } from "./helpers";

// Against the app's built-in sandbox. Cluster and families are unique per run: the sandbox keeps
// what earlier runs created.
type Variant = { badWorkerSize?: boolean; webCount?: number };

function designJson(suffix: string, opts: Variant = {}): string {
  const cluster = `e2e-${suffix}`;
  return JSON.stringify({
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: cluster }],
    taskDefinitions: [
      {
        id: "td-web", family: `web-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
        executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
        containerDefinitions: [{ name: "app", image: "public.ecr.aws/nginx/nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
      },
      {
        id: "td-worker", family: `worker-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: opts.badWorkerSize ? "4096" : "512",
        containerDefinitions: [{ name: "worker", image: "public.ecr.aws/docker/library/busybox:1.36", essential: true, command: ["sleep", "3600"] }],
      },
    ],
    services: [
      {
        id: "svc-web", serviceName: "web", cluster, taskDefinition: `web-${suffix}`, desiredCount: opts.webCount ?? 2, launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"] } },
      },
      {
        id: "svc-worker", serviceName: "worker", cluster, taskDefinition: `worker-${suffix}`, desiredCount: 1, launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-1"] } },
      },
    ],
    layout: {},
  }, null, 2);
}

async function importDesign(page: Page, name: string, suffix: string, opts: Variant = {}) {
  await importDesignText(page, name, designJson(suffix, opts));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("plans a design against the sandbox, applies it with live progress, and a re-plan shows no changes", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const name = uniqueName("Plan apply");
  await importDesign(page, name, suffix);

  await page.getByRole("link", { name: "Plan & apply" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}\/plan/);
  await expect(page.getByLabel("Environment").locator("option:checked")).toHaveText(/^Sandbox \(sandbox/);
  await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();

  await page.getByRole("button", { name: "Plan", exact: true }).click();
  const summary = page.getByTestId("plan-summary");
  await expect(summary).toContainText("5 to create");
  await expect(summary).toContainText("0 to delete");
  await expect(page.getByTestId("plan-step").and(page.locator("[data-action=create]"))).toHaveCount(5);
  const web = page.getByTestId("plan-step").filter({ hasText: `e2e-${suffix}/web` });
  await web.getByText(/ECS calls \(CreateService\)/).click();
  await expect(web.locator("pre")).toContainText(`"serviceName": "web"`);
  await screenshot(page, "plan-review");

  await page.getByLabel("Wait for steady state").check();
  await page.getByRole("button", { name: "Apply" }).click();
  const progress = page.getByTestId("apply-progress");
  await expect(progress).toBeVisible();
  await expect(page).toHaveURL(/apply=[0-9a-f-]{36}/);
  await expect(page.getByTestId("apply-step")).toHaveCount(5);
  await expect(page.getByTestId("steady-progress")).toBeVisible({ timeout: 30_000 });
  await screenshot(page, "plan-apply-running");
  await expect(page.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 90_000 });
  await expect(page.getByTestId("apply-step").and(page.locator("[data-status=done]"))).toHaveCount(5);
  await expect(page.getByTestId("steady-progress")).toContainText(`e2e-${suffix}/web: 2/2 running`);
  await screenshot(page, "plan-apply-succeeded");

  await page.getByRole("button", { name: "Plan again" }).click();
  await expect(summary).toContainText("No changes");
  await expect(summary).toContainText("5 to leave as is");
  await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();
  await screenshot(page, "plan-no-changes");

  await page.getByRole("link", { name }).click();
  const record = page.getByTestId("apply-record").first();
  await expect(record).toContainText("succeeded");
  await expect(record).toContainText("Version 1");
  await expect(record).toContainText("Sandbox");
  await screenshot(page, "plan-design-applies");

  // Another design naming the same resources with a different count plans one in-place update.
  await importDesign(page, uniqueName("Scaled"), suffix, { webCount: 3 });
  await page.getByRole("link", { name: "Plan & apply" }).click();
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(summary).toContainText("1 to update");
  const update = page.getByTestId("plan-step").and(page.locator("[data-action=update]"));
  await expect(update).toContainText(`e2e-${suffix}/web`);
  await expect(update.getByRole("row", { name: /desiredCount/ })).toContainText(/2\s*3/);
  await update.getByText(/ECS calls \(UpdateService\)/).click();
  await expect(update.locator("pre")).toContainText(`"desiredCount": 3`);
  await screenshot(page, "plan-update");

  // What now runs in the sandbox imports back into a design that plans to no changes.
  await page.goto("/environments");
  await page.getByRole("button", { name: "Import a cluster from Sandbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Import a cluster from “Sandbox”" });
  await dialog.getByLabel("Cluster").selectOption(`e2e-${suffix}`);
  await screenshot(page, "plan-import-cluster");
  await dialog.getByRole("button", { name: "Import as new design" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `e2e-${suffix} (Sandbox)` })).toBeVisible();
  await page.getByRole("link", { name: "Plan & apply" }).click();
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(summary).toContainText("No changes");
  await expect(summary).toContainText("5 to leave as is");
});

test.describe("as an admin", () => {
  // Adding an environment and testing its connection are an admin's.
  test.use({ storageState: storageStateOf("admin") });

  test("a read-only environment can be tested and planned against, and disables apply", async ({ page }) => {
    const envName = uniqueName("Read-only sandbox");
    await page.goto("/environments");
    await page.getByRole("button", { name: "New environment" }).click();
    const dialog = page.getByRole("dialog", { name: "New environment" });
    await dialog.getByLabel("Name", { exact: true }).fill(envName);
    await dialog.getByLabel("Built-in sandbox").check();
    await dialog.getByLabel(/Read-only/).check();
    await dialog.getByRole("button", { name: "Create environment" }).click();
    const row = page.getByTestId("environment").filter({ hasText: envName });
    await expect(row).toContainText("read-only");
    await row.getByRole("button", { name: `Test connection of ${envName}` }).click();
    await expect(row.getByRole("status")).toContainText("Connected");
    // The account shows once the sandbox Region has a cluster (the other test makes one).
    await expect(row.getByTestId("connection-account")).toHaveText(/^(000000000000|unknown)/);
    await screenshot(page, "plan-environments");

    const name = uniqueName("Read-only target");
    await importDesign(page, name, `ro${Date.now().toString(36)}`);
    await page.getByRole("link", { name: "Plan & apply" }).click();
    await page.getByLabel("Environment").selectOption({ label: `${envName} (sandbox, eu-west-1) · read-only` });
    await expect(page).toHaveURL(/env=[0-9a-f-]{36}/);
    await expect(page.getByText(/is read-only: you can plan against it, but applies are refused/)).toBeVisible();
    await page.getByRole("button", { name: "Plan", exact: true }).click();
    await expect(page.getByTestId("plan-summary")).toContainText("5 to create");
    await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();
    await screenshot(page, "plan-read-only");
  });
});

test("a failing apply shows ECS's message and what was done, and a re-plan shows only what is left", async ({ page }) => {
  const suffix = `f${Date.now().toString(36)}`;
  await importDesign(page, uniqueName("Failing apply"), suffix, { badWorkerSize: true });
  await page.getByRole("link", { name: "Plan & apply" }).click();
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("5 to create");
  // The validator sees the bad size too: applying anyway lets ECS answer.
  await page.getByLabel(/Apply anyway/).check();
  await page.getByRole("button", { name: "Apply anyway" }).click();

  await expect(page.getByTestId("apply-status")).toHaveText("Failed", { timeout: 30_000 });
  const failed = page.getByTestId("apply-step").and(page.locator("[data-status=failed]"));
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(`worker-${suffix}`);
  await expect(failed.getByRole("alert")).toContainText("ECS answered ClientException");
  await expect(page.getByTestId("apply-step").and(page.locator("[data-status=done]"))).toHaveCount(2);
  await expect(page.getByTestId("apply-step").and(page.locator("[data-status=pending]"))).toHaveCount(2);
  await expect(page.getByText(`Done before it stopped: e2e-${suffix}, web-${suffix}.`)).toBeVisible();
  await screenshot(page, "plan-apply-failed");

  await page.getByRole("button", { name: "Plan again" }).click();
  const summary = page.getByTestId("plan-summary");
  await expect(summary).toContainText("3 to create");
  await expect(summary).toContainText("2 to leave as is");
  await screenshot(page, "plan-after-failure");

  // The apply's record survives a reload (the URL names it), in either theme.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByTestId("apply-status")).toHaveText("Failed");
  await page.getByRole("button", { name: "Plan again" }).click();
  await expect(summary).toContainText("3 to create");
  await screenshot(page, "plan-dark");
});
