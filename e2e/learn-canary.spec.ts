import { expect, test } from "@playwright/test";
import { SANDBOX_ENV, advanceTo, openFresh, sandboxControl as control, screenshot } from "./helpers";

// The done-when of traffic, in the built-in sandbox with no account: an ALB-fronted service with
// a canary strategy and a pause before traffic moves (the blue/green lesson's design), applied;
// a canary deployment that stops at its PAUSE hook; the on-call engineer continues it from the
// service page, watches 10 % of production traffic move to green, and continues again.
// Sandbox time is frozen (setSpeed 0) and moved with `step`.

test("a canary behind an ALB in the sandbox pauses, moves 10 % to green on Continue, and finishes on the second", async ({ page }) => {
  test.setTimeout(180_000);
  expect((await control(page, { action: "setSpeed", speed: 0 })).ok()).toBe(true);
  try {
    await openFresh(page, "blue-green-canary");

    // The design: a PAUSE hook before production traffic moves.
    await page.getByRole("button", { name: "Show me" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Done on your design");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Start the service behind the load balancer" })).toBeVisible();

    await page.getByRole("button", { name: "Apply to sandbox" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Applied", { timeout: 30_000 });
    await advanceTo(page, "Deploy a canary and watch it stop", 10);

    await page.getByRole("button", { name: "Deploy new revision" }).click();
    await advanceTo(page, "Continue from the monitor", 15);

    // The service page: the canary waits at its hook with no production traffic on green yet.
    await page.goto(`/monitor/${SANDBOX_ENV}/learn-canary/canary-web`);
    const card = page.getByTestId("deployment-timeline").getByTestId("service-deployment").first();
    await expect(card).toContainText("CANARY");
    await expect(card.getByTestId("awaiting-hook")).toContainText("ecs-pause-");
    await expect(card.getByTestId("traffic")).toContainText("0% green");
    await screenshot(page, "canary-paused-before");

    await card.getByRole("button", { name: "Continue" }).click();
    await expect(async () => {
      expect((await control(page, { action: "step", seconds: 5 })).ok()).toBe(true);
      await expect(card.getByTestId("traffic")).toContainText("10% green", { timeout: 4_000 });
      await expect(card.getByTestId("awaiting-hook")).toContainText("ecs-pause-", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId("service-scene").getByTestId("scene-traffic")).toContainText("10 % of traffic");
    await screenshot(page, "canary-ten-percent");
    // The legend says what the tokens show: the canary's two sides in blue and green.
    const scene = page.getByTestId("service-scene");
    await expect(scene.getByTestId("scene-legend").locator("[data-side='green']")).toBeVisible();
    await expect(scene.getByTestId("scene-legend").locator("[data-side='blue']")).toBeVisible();
    // The same page in the dark theme (the system's preference), then back to light.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(card.getByTestId("traffic")).toContainText("10% green");
    await expect(scene.getByTestId("scene-traffic")).toContainText("10 % of traffic");
    await screenshot(page, "canary-ten-percent-dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    await expect(page.locator("html")).not.toHaveClass(/dark/);

    await card.getByRole("button", { name: "Continue" }).click();
    await expect(async () => {
      expect((await control(page, { action: "step", seconds: 30 })).ok()).toBe(true);
      await expect(card).toContainText("SUCCESSFUL", { timeout: 4_000 });
    }).toPass({ timeout: 90_000 });
    await expect(card.getByTestId("awaiting-hook")).toHaveCount(0);
    await screenshot(page, "canary-successful");
  } finally {
    await control(page, { action: "setSpeed", speed: 1 });
  }
});
