import { expect, test, type Page } from "@playwright/test";
import { E2E_PEOPLE, storageStateOf } from "./auth";
import { importDesignText, screenshot, uniqueName } from "./helpers";

// An environment's page (its settings, its applies, who changed it) and an apply's page (who
// started it, its steps, its history), for the admin who applies and for a viewer who reads.
// Applied to an environment of its own (a sandbox one), so its lists hold only this test's rows.

test.use({ storageState: storageStateOf("admin") });

function designJson(suffix: string): string {
  const cluster = `hist-${suffix}`;
  const td = (family: string, memory: string) => ({
    id: `td-${family}`, family: `${family}-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory,
    containerDefinitions: [{ name: family, image: "public.ecr.aws/docker/library/busybox:1.36", essential: true, command: ["sleep", "3600"] }],
  });
  const service = (name: string) => ({
    id: `svc-${name}`, serviceName: name, cluster, taskDefinition: `${name}-${suffix}`, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-1"] } },
  });
  // "big" asks for a size Fargate does not have: ECS refuses it, the apply stops there.
  return JSON.stringify({
    schemaVersion: 1, clusters: [{ id: "cl-main", clusterName: cluster }],
    taskDefinitions: [td("small", "512"), td("big", "4096")], services: [service("small"), service("big")], layout: {},
  });
}

const importDesign = (page: Page, name: string, suffix: string) => importDesignText(page, name, designJson(suffix));

test("the environment and apply pages show their settings, applies, steps and who changed them", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const admin = E2E_PEOPLE.admin.email;
  const envName = uniqueName("History sandbox");
  await page.goto("/environments");
  await page.getByRole("button", { name: "New environment" }).click();
  const dialog = page.getByRole("dialog", { name: "New environment" });
  await dialog.getByLabel("Name", { exact: true }).fill(envName);
  await dialog.getByLabel("Built-in sandbox").check();
  await dialog.getByRole("button", { name: "Create environment" }).click();

  // From the list to the environment's page: nothing applied yet, its creation on record.
  await page.getByRole("link", { name: `${envName}: settings, applies and history` }).click();
  await expect(page).toHaveURL(/\/environments\/[0-9a-f-]{36}$/);
  const envUrl = page.url();
  const envId = envUrl.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: envName })).toBeVisible();
  await expect(page.getByTestId("environment-settings")).toContainText("Built-in sandbox");
  await expect(page.getByTestId("environment-settings")).toContainText("eu-west-1");
  await expect(page.getByText("Nothing applied here yet.")).toBeVisible();
  const history = page.getByRole("table", { name: "Who changed this environment" }).getByTestId("audit-row");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("createEnvironmentAction");
  await expect(history.first()).toContainText(admin);
  await expect(page.getByRole("link", { name: "All of it in the audit trail" })).toHaveAttribute("href", `/audit?environmentId=${envId}`);
  await screenshot(page, "history-environment-empty");

  // Apply a design there; ECS refuses one task definition's size, so the apply fails at that step.
  const suffix = Date.now().toString(36);
  const designName = uniqueName("History design");
  await importDesign(page, designName, suffix);
  await page.getByRole("link", { name: "Plan & apply" }).click();
  await page.getByLabel("Environment").selectOption({ label: `${envName} (sandbox, eu-west-1)` });
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("5 to create");
  await page.getByLabel(/Apply anyway/).check();
  await page.getByRole("button", { name: "Apply anyway" }).click();
  await expect(page.getByTestId("apply-status")).toHaveText("Failed", { timeout: 30_000 });

  // The environment's page now lists the apply, with who started it, and its rows.
  await page.goto(envUrl);
  const applyRow = page.getByTestId("environment-apply");
  await expect(applyRow).toHaveCount(1);
  await expect(applyRow).toContainText(designName);
  await expect(applyRow).toContainText("failed");
  await expect(applyRow).toContainText(admin);
  await expect(history.filter({ hasText: "startApplyAction" })).toHaveCount(1);
  await expect(history.filter({ hasText: "apply.step-failed" })).toContainText(`server: apply-runner for ${admin}`);
  await expect(history.filter({ hasText: "apply.finished" })).toContainText("failed");
  await screenshot(page, "history-environment");

  // The apply's page: who started it, each step with its result, and its own history.
  await applyRow.getByRole("link", { name: /^Apply of / }).click();
  await expect(page).toHaveURL(/\/applies\/[0-9a-f-]{36}$/);
  const applyUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: `Apply of ${designName}` })).toBeVisible();
  const facts = page.getByTestId("apply-facts");
  await expect(facts).toContainText(`Started by${admin}`);
  await expect(facts.getByRole("link", { name: envName })).toHaveAttribute("href", `/environments/${envId}`);
  await expect(page.getByTestId("apply-status")).toHaveText("Failed");
  const failed = page.getByTestId("apply-step").and(page.locator("[data-status=failed]"));
  await expect(failed).toContainText(`big-${suffix}`);
  await expect(failed.getByRole("alert")).toContainText("ECS answered ClientException");
  const rows = page.getByRole("table", { name: "History of this apply" }).getByTestId("audit-row");
  // Newest first: the end, the failed step, the run's start, the person's start.
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("apply.finished");
  await expect(rows.nth(1)).toContainText("apply.step-failed");
  await expect(rows.nth(1)).toContainText("ClientException");
  await expect(rows.nth(2)).toContainText("apply.run-started");
  await expect(rows.nth(3)).toContainText("startApplyAction");
  await expect(rows.nth(3)).toContainText(`${admin} (admin)`);
  await screenshot(page, "history-apply");

  // A viewer reads both pages, without the admin's link to the audit trail (which refuses them).
  const viewerContext = await browser.newContext({ storageState: storageStateOf("viewer") });
  const viewer = await viewerContext.newPage();
  await viewer.goto(envUrl);
  await expect(viewer.getByRole("heading", { level: 1, name: envName })).toBeVisible();
  await expect(viewer.getByTestId("environment-apply")).toContainText(admin);
  await expect(viewer.getByRole("link", { name: "All of it in the audit trail" })).toHaveCount(0);
  expect((await viewer.goto(`/audit?environmentId=${envId}`))?.status()).toBe(403);
  await viewer.goto(applyUrl);
  await expect(viewer.getByTestId("apply-facts")).toContainText(`Started by${admin}`);
  await expect(viewer.getByRole("table", { name: "History of this apply" }).getByTestId("audit-row")).toHaveCount(4);
  await screenshot(viewer, "history-apply-viewer");
  await viewerContext.close();
});

test("an unknown apply or environment is a 404", async ({ page }) => {
  expect((await page.goto("/applies/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await page.goto("/environments/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  expect((await page.goto("/applies/not-an-id"))?.status()).toBe(404);
});
