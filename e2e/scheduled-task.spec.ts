import { expect, test, type Page } from "@playwright/test";
import { dragConnect, importDesignText, inspectorOf, sandboxControl, SANDBOX_ENV, screenshot, storedDocument, uniqueName, waitSaved } from "./helpers";

// A scheduled task built on the canvas: dragged from the palette, connected to the task
// definition it runs, placed in a cluster, given a rate expression (its finding goes), applied to
// the sandbox, and seen starting tasks on the monitor once the sandbox clock moves on.
// Cluster and family are unique per run: the sandbox keeps what earlier runs created.

function designJson(suffix: string): string {
  return JSON.stringify({
    schemaVersion: 1,
    clusters: [{ id: "cl-jobs", clusterName: `jobs-${suffix}` }],
    taskDefinitions: [{
      id: "td-report", family: `report-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "report", image: "public.ecr.aws/docker/library/busybox:1.36", essential: true, command: ["sh", "-c", "echo report; sleep 5"] }],
    }],
    services: [],
    layout: { "cl-jobs": { x: 0, y: 0, width: 300, height: 160 }, "td-report": { x: 420, y: 0, width: 300, height: 220 } },
  });
}

const problems = (page: Page) => inspectorOf(page).getByLabel("Problems of this resource");

test("a scheduled task from the palette runs its task definition in the sandbox on its schedule", async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const name = uniqueName("Scheduled report");
  await importDesignText(page, name, designJson(suffix));
  const url = page.url();
  await page.goto(`${url}/canvas`);
  const flow = page.getByTestId("designer-flow");
  await expect(page.getByTestId("task-definition-node")).toHaveCount(1);

  await expect(page.getByTestId("palette-scheduledTask")).toContainText("Scheduled task");
  // Above the cluster, where the canvas is empty (the problems panel covers its bottom).
  await page.getByTestId("palette-scheduledTask").dragTo(flow, { targetPosition: { x: 150, y: 90 } });
  const node = page.getByTestId("scheduled-task-node");
  await expect(node).toHaveCount(1);
  await expect(node).toContainText("nightly-job");
  await expect(node).toContainText("no schedule yet");
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole("heading", { name: "Scheduled task" })).toBeVisible();
  // A fresh schedule lacks an expression, a target and a role: the rules say so on the node and in the inspector.
  await expect(node.getByTestId("finding-badge")).toBeVisible();
  await expect(problems(page)).toContainText("is not a schedule expression");
  await expect(problems(page)).toContainText("no cluster named");
  await screenshot(page, "scheduled-task-new");

  // Schedule → task definition: drag from the schedule's handle; the edge says "runs".
  await dragConnect(page, node.locator(".react-flow__handle-right"), page.getByTestId("task-definition-node"));
  await expect(page.locator(".react-flow__edge").filter({ hasText: "runs" })).toHaveCount(1);
  await node.getByText("Scheduled task", { exact: true }).click();
  await expect(inspector.getByLabel("Task definition", { exact: true })).toHaveValue(`report-${suffix}`);
  // The cluster from the design's clusters offered in the inspector; its edge says "in".
  await inspector.getByLabel("Cluster", { exact: true }).fill(`jobs-${suffix}`);
  await inspector.getByLabel("Cluster", { exact: true }).press("Enter");
  await expect(page.locator(".react-flow__edge").filter({ hasText: /^in$/ })).toHaveCount(1);
  await expect(problems(page)).not.toContainText("no cluster named");

  // A rate expression: its finding goes, and the node shows it.
  await inspector.getByLabel("Schedule expression").fill("rate(5 minutes)");
  await inspector.getByLabel("Schedule expression").press("Enter");
  await expect(problems(page)).not.toContainText("is not a schedule expression");
  await expect(node).toContainText("rate(5 minutes)");
  await inspector.getByLabel("Execution role").fill("arn:aws:iam::000000000000:role/schedulerRunTask");
  await inspector.getByLabel("Execution role").press("Enter");
  await expect(problems(page)).not.toContainText("no execution role");
  // Fargate needs awsvpc networking: the one-click fix takes the sandbox's default VPC.
  await expect(problems(page)).toContainText("needs a network configuration");
  await inspector.getByRole("button", { name: "Fix: use the default VPC" }).click();
  await expect(inspector.getByText("needs a network configuration")).toHaveCount(0);
  await expect(node.getByTestId("finding-badge")).toHaveCount(0);
  await waitSaved(page);
  await screenshot(page, "scheduled-task-connected");
  const doc = await storedDocument(page, url);
  expect(doc.scheduledTasks[0]).toMatchObject({
    name: "nightly-job", cluster: `jobs-${suffix}`, taskDefinition: `report-${suffix}`, scheduleExpression: "rate(5 minutes)",
    roleArn: "arn:aws:iam::000000000000:role/schedulerRunTask",
  });
  expect(doc.scheduledTasks[0].networkConfiguration.awsvpcConfiguration.subnets.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "scheduled-task-dark");
  await page.getByRole("button", { name: "Switch to light theme" }).click();

  // Plan & apply to the sandbox: the cluster, the task definition, the schedule group and the schedule.
  await page.goto(url);
  await page.getByRole("link", { name: "Plan & apply" }).click();
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  const summary = page.getByTestId("plan-summary");
  await expect(summary).toContainText("to create");
  await expect(page.getByTestId("plan-step").filter({ hasText: "nightly-job" })).toHaveCount(1);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 90_000 });
  await screenshot(page, "scheduled-task-applied");

  // Five minutes of sandbox time later the schedule has started its task, as the monitor shows.
  expect((await sandboxControl(page, { action: "step", seconds: 330 })).ok()).toBe(true);
  await page.goto(`/monitor/${SANDBOX_ENV}`);
  const row = page.getByTestId(`cluster-jobs-${suffix}`).getByTestId("schedule-nightly-job");
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("schedule-task").first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("rate(5 minutes)");
  await expect(row).toContainText(`report-${suffix}`);
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, "scheduled-task-monitor");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "scheduled-task-monitor-dark");
  await page.getByRole("button", { name: "Switch to light theme" }).click();
});
