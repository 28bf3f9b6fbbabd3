import { expect, test } from "@playwright/test";
import { SANDBOX_ENV, advanceTo, openFresh, sandboxControl as control, screenshot } from "./helpers";

// Target tracking end to end: the lesson applies a service that keeps its average CPU at 50 %,
// then on the service's monitor page a person ramps the sandbox's simulated load with the
// "Simulated load" form, and watches the CPU chart rise above the dashed target line and the
// desired count go up. Sandbox time is frozen and stepped a minute at a time.

test("ramping the simulated load lifts CPU above the target and the scaler adds tasks", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  expect((await control(page, { action: "setSpeed", speed: 0 })).ok()).toBe(true);
  try {
    await openFresh(page, "target-tracking");
    await page.getByRole("button", { name: "Apply to sandbox" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Applied", { timeout: 30_000 });
    await advanceTo(page, "Ramp the load and watch tasks added", 10);

    await page.goto(`/monitor/${SANDBOX_ENV}/learn-scaling/web-scaled`);
    const utilisation = page.getByTestId("utilisation");
    await expect(page.getByTestId("service-counts")).toContainText("2 running of 2 desired", { timeout: 30_000 });
    // Metrics come a minute at a time: until a minute has passed there are none.
    await expect(utilisation.getByTestId("metrics-empty").or(utilisation.getByTestId("metrics-cpu"))).toBeVisible({ timeout: 30_000 });
    if (await utilisation.getByTestId("metrics-empty").isVisible()) await screenshot(page, "auto-scaling-ramp-empty");
    await expect(async () => {
      expect((await control(page, { action: "step", seconds: 60 })).ok()).toBe(true);
      await expect(utilisation.getByTestId("metrics-cpu")).toBeVisible({ timeout: 16_000 });
    }).toPass({ timeout: 60_000 });
    const cpu = utilisation.getByTestId("metrics-cpu");
    await expect(cpu).toHaveAttribute("data-target", "50");
    await expect(cpu).toHaveAttribute("data-above-target", "false");
    await expect(utilisation.getByTestId("metrics-cpu-target")).toContainText("target 50%");
    await expect(utilisation.getByTestId("metrics-source")).toContainText("AWS/ECS CPUUtilization and MemoryUtilization, average per 1 minute");

    // The person sets a ramp with the keyboard and the mouse, as anyone would.
    const form = page.getByTestId("simulated-load");
    await form.getByLabel("Ramp").check();
    await form.getByLabel(/^From/).fill("10");
    await form.getByLabel(/^To/).fill("60");
    await form.getByLabel(/^Over/).fill("3");
    await form.getByRole("button", { name: "Set load" }).click();
    await expect(form.getByRole("status")).toContainText("ramps from 10 to 60 requests per second over 3 minutes");

    // Minute by minute: CPU climbs past 50 %, the high alarm needs three such minutes, then the scaler acts.
    await expect(async () => {
      expect((await control(page, { action: "step", seconds: 60 })).ok()).toBe(true);
      await expect(cpu).toHaveAttribute("data-above-target", "true", { timeout: 16_000 });
    }).toPass({ timeout: 90_000 });
    await screenshot(page, "auto-scaling-ramp-above-target");
    await expect(async () => {
      expect((await control(page, { action: "step", seconds: 60 })).ok()).toBe(true);
      await expect(page.getByTestId("service-counts")).toContainText(/of [3-6] desired/, { timeout: 16_000 });
    }).toPass({ timeout: 120_000 });
    await expect(page.getByTestId("scaling-activity-row").first()).toContainText(/AlarmHigh/, { timeout: 20_000 });
    await expect(utilisation.getByTestId("metrics-counts")).toHaveAttribute("data-desired", /^[3-6]$/, { timeout: 20_000 });
    await utilisation.scrollIntoViewIfNeeded();
    await screenshot(page, "auto-scaling-ramp-scaled-out");

    // Keyboard: the charts are focusable and say what they show.
    await cpu.focus();
    await expect(cpu).toBeFocused();
    await expect(cpu).toHaveAttribute("aria-label", /CPU utilization: latest .*%, peak .*%, target 50%/);

    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await screenshot(page, "auto-scaling-ramp-dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
  } finally {
    await control(page, { action: "setSpeed", speed: 1 });
  }
});
