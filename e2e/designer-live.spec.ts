import { expect, test } from "@playwright/test";
import { openSampleCanvas, screenshot, uniqueName, waitSaved } from "./helpers";

// Live mode on the canvas: the sample design, applied to the app's sandbox, shows its live
// counterparts' state in the node headers, and drift once the design changes.

test("Live mode shows running tasks of an applied design and marks drift", async ({ page }) => {
  test.setTimeout(180_000);
  const cluster = `live-${Date.now().toString(36)}`;
  const url = await openSampleCanvas(page, uniqueName("Live canvas"));
  await waitSaved(page);

  // The sandbox keeps what earlier runs created: a cluster of our own, renamed in the inspector.
  await page.getByTestId("cluster-node").getByText("Cluster", { exact: true }).click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByLabel("Name", { exact: true }).fill(cluster);
  await inspector.getByLabel("Name", { exact: true }).press("Enter");
  await expect(page.getByTestId("cluster-node")).toContainText(cluster);
  await waitSaved(page);

  // Not applied yet: Live says so.
  const live = page.getByRole("button", { name: "Show live state in the sandbox" });
  await live.click();
  await expect(live).toHaveAttribute("aria-pressed", "true");
  const storefront = page.getByTestId("service-node").filter({ hasText: "storefront" });
  const orders = page.getByTestId("service-node").filter({ hasText: "orders-api" });
  await expect(storefront.getByTestId("live-mark")).toHaveAttribute("data-live-state", "not-deployed", { timeout: 20_000 });
  await expect(page.getByTestId("cluster-node").getByTestId("live-mark").first()).toHaveText("not deployed");
  // A cluster that does not exist yet is not an unreachable environment.
  await expect(page.getByTestId("live-status")).toBeVisible();
  await expect(page.getByTestId("live-unreachable")).toHaveCount(0);

  // Apply through the plan page.
  await page.goto(`${url}/plan`);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("to create");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 60_000 });

  await page.goto(`${url}/canvas`);
  await expect(page.getByTestId("service-node")).toHaveCount(2);
  await live.click();
  await expect(page.getByTestId("live-status")).toBeVisible();
  // Move sandbox time until the tasks run (Live polls every 3 s).
  await expect(async () => {
    const res = await page.request.post("/sandbox/control", { data: { action: "step", seconds: 30 } });
    expect(res.ok()).toBe(true);
    await expect(storefront.getByTestId("live-count")).toHaveText("2/2 running", { timeout: 4_000 });
    await expect(orders.getByTestId("live-count")).toHaveText("2/2 running", { timeout: 4_000 });
  }).toPass({ timeout: 90_000 });
  await expect(storefront.getByTestId("live-dot")).toHaveAttribute("data-level", /^(healthy|deploying)$/);
  await expect(page.getByTestId("cluster-node").getByTestId("live-tasks")).toHaveText("4 tasks running");
  // The animated scene of the cluster: four tokens in the RUNNING lane, each service's slots.
  const scene = page.getByTestId("live-scene");
  await expect(scene.getByTestId("scene-task").and(page.locator('[data-status="RUNNING"]'))).toHaveCount(4);
  const storefrontScene = scene.locator('[data-testid="scene-service"][data-service="storefront"]');
  await expect(storefrontScene.getByTestId("scene-story")).toContainText("Steady: 2 tasks running");
  await expect(storefrontScene.locator('[data-testid="scene-slot"][data-kind="running"]')).toHaveCount(2);
  await screenshot(page, "designer-live-scene");
  await expect(page.getByTestId("task-definition-node").filter({ hasText: "storefront" }).getByTestId("live-mark")).toContainText(/rev \d+/);
  await expect(page.getByTestId("live-status")).toContainText("Last refreshed");
  await expect(page.getByTestId("live-drift")).toHaveCount(0);

  // Change the design: live now differs from it.
  await storefront.click();
  // Selecting a service makes the scene follow it: only its two tasks fill the lanes.
  await expect(scene.getByRole("heading", { name: "Service storefront: what the scheduler is doing" })).toBeVisible();
  await expect(scene.getByTestId("scene-task")).toHaveCount(2);
  await inspector.getByLabel("Desired count", { exact: true }).fill("3");
  await waitSaved(page);
  await expect(storefront.getByTestId("live-drift")).toBeVisible();
  await expect(storefront.getByTestId("live-mark")).toHaveAttribute("title", /Desired count: 2 live, 3 in the design/);
  await expect(storefront.getByTestId("live-count")).toHaveText("2/2 running");
  await expect(orders.getByTestId("live-drift")).toHaveCount(0);
  await screenshot(page, "designer-live");

  // Off again: the marks go, and the design never held them.
  await live.click();
  await expect(page.getByTestId("live-mark")).toHaveCount(0);
  const saved = await page.request.get(`/api/designs/${url.split("/").pop()}`);
  if (saved.ok()) expect(JSON.stringify(await saved.json())).not.toContain("running");
});
