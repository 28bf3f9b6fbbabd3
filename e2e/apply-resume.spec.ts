import { expect, test } from "@playwright/test";
import { Pool } from "pg";
import { screenshot, uniqueName } from "./helpers";

// An apply whose server stopped: its row is "running", owned by an instance that stopped
// heart-beating an hour ago (what a crashed or removed server leaves in the shared database). The
// plan page reports it interrupted and Resume finishes it on this server.
// The row is written straight to the app's database, so this needs E2E_DATABASE_URL (PostgreSQL).

test.skip(!process.env.E2E_DATABASE_URL, "needs the app's database (E2E_DATABASE_URL) to leave an apply behind as a stopped server would");

test("reports an apply whose server stopped as interrupted, and Resume finishes it", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const cluster = `resume-${suffix}`;
  const name = uniqueName("Resume");
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("Text").fill(JSON.stringify({
    schemaVersion: 1,
    clusters: [{ id: "cl", clusterName: cluster }],
    taskDefinitions: [{
      id: "td", family: `resume-${suffix}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "app", image: "public.ecr.aws/nginx/nginx:1.27", essential: true }],
    }],
    services: [{
      id: "svc", serviceName: "app", cluster, taskDefinition: `resume-${suffix}`, desiredCount: 1, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-1"] } },
    }],
    layout: {},
  }));
  await dialog.getByLabel("Design name").fill(name);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  const designId = page.url().split("/").pop()!;
  await page.getByRole("link", { name: "Plan & apply" }).click();
  const envId = await page.getByLabel("Environment").inputValue();

  const pool = new Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 1 });
  let applyId: string;
  try {
    const step = (key: string, kind: string, stepName: string, operation: string, status: string) => ({
      key, kind, name: stepName, action: "create", status, calls: [{ operation, status }],
    });
    const steps = [
      step(`cluster:${cluster}`, "cluster", cluster, "CreateCluster", "running"),
      step(`task-definition:resume-${suffix}`, "task-definition", `resume-${suffix}`, "RegisterTaskDefinition", "pending"),
      step(`service:${cluster}/app`, "service", `${cluster}/app`, "CreateService", "pending"),
    ];
    const plan = { designId, empty: false, summary: { create: 3, update: 0, replace: 0, delete: 0, "no-change": 0 }, steps: [] };
    applyId = (await pool.query(
      `INSERT INTO "applies" ("id", "design_id", "design_version", "environment_id", "plan", "status", "steps", "owner", "heartbeat_at")
       VALUES (gen_random_uuid(), $1, 1, $2, $3, 'running', $4, 'a-server-that-stopped', now() - interval '1 hour') RETURNING "id"`,
      [designId, envId, JSON.stringify(plan), JSON.stringify({ steps })],
    )).rows[0].id;
  } finally {
    await pool.end();
  }

  await page.goto(`/designs/${designId}/plan?env=${envId}&apply=${applyId}`);
  const progress = page.getByTestId("apply-progress");
  await expect(page.getByTestId("apply-status")).toHaveText("Interrupted");
  await expect(progress.getByRole("alert").filter({ hasText: "The apply was cut off" })).toContainText("Resume it to finish what is left");
  await screenshot(page, "apply-interrupted");

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 30_000 });
  const resume = page.getByTestId("apply-resume");
  await expect(resume).toContainText("the new plan found 3 steps left");
  await expect(resume.getByTestId("apply-step").and(page.locator("[data-status=done]"))).toHaveCount(3);
  await expect(progress.getByRole("list", { name: "Steps" }).getByTestId("apply-step").first()).toHaveAttribute("data-status", "interrupted");
  await screenshot(page, "apply-resumed");

  await page.getByRole("button", { name: "Plan again" }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("No changes");
  await page.getByRole("link", { name }).click();
  await expect(page.getByTestId("apply-record").first()).toContainText("succeeded");
});
