import { expect, test } from "@playwright/test";
import { SANDBOX_ENV, advanceTo, openFresh, sandboxControl as control, screenshot } from "./helpers";

// Fargate Spot in the sandbox: the learner puts most of a service on Spot with a base on FARGATE,
// sees where each task runs, has a Spot task taken back and replaced, then Spot capacity gone,
// and finds the same story on the monitor's service page. Sandbox time is frozen and stepped.

test("the Fargate Spot lesson: a base on FARGATE, an interruption replaced, and no Spot capacity", async ({ page }) => {
  test.setTimeout(180_000);
  expect((await control(page, { action: "setSpeed", speed: 0 })).ok()).toBe(true);
  try {
    await openFresh(page, "fargate-spot");
    await page.getByRole("button", { name: "Show me" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Done on your design");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Apply and count where the tasks run" })).toBeVisible();

    await page.getByRole("button", { name: "Apply to sandbox" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Applied", { timeout: 30_000 });
    await advanceTo(page, "AWS takes a Spot task back", 10);
    const capacity = page.getByTestId("live-tasks").getByTestId("live-task-capacity");
    await expect(capacity.filter({ hasText: /^FARGATE$/ })).toHaveCount(2);
    await expect(capacity.filter({ hasText: "FARGATE_SPOT" })).toHaveCount(2);
    // The scene draws the Spot tasks in a pool of their own.
    await expect(page.getByTestId("scene-fargate").and(page.locator('[data-spot="true"]'))).toContainText("Fargate Spot");
    await screenshot(page, "learn-spot-shared-out");

    await page.getByRole("button", { name: "Interrupt a Spot task" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("took one Fargate Spot task back");
    await advanceTo(page, "When Spot has no capacity", 10);
    await expect(page.getByTestId("live-tasks")).toContainText("Your Spot Task was interrupted.");

    await page.getByRole("button", { name: "Spot capacity runs out" }).click();
    await advanceTo(page, "Explain what you saw", 10);
    // Only the FARGATE tasks run now.
    const running = page.getByTestId("live-tasks").locator('[data-status="RUNNING"]');
    await expect(running).toHaveCount(2);
    await expect(running.getByTestId("live-task-capacity").filter({ hasText: "FARGATE_SPOT" })).toHaveCount(0);
    await screenshot(page, "learn-spot-capacity-gone");
    await page.getByTestId("step-question").getByLabel(/ECS does not fall back|The base keeps one task/).check();
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("lesson-complete")).toBeVisible();

    // The on-call view of the same service: where each task ran, why the Spot ones stopped.
    await page.goto(`/monitor/${SANDBOX_ENV}/learn-spot/spot-workers`);
    const rows = page.getByTestId("tasks-table").getByTestId("task-row");
    await expect(rows.filter({ hasText: "FARGATE_SPOT" }).first()).toBeVisible();
    await expect(page.getByText("Capacity is unavailable at this time").first()).toBeVisible();
    await screenshot(page, "monitor-spot-service");
  } finally {
    await control(page, { action: "setSpeed", speed: 1 });
  }
});
