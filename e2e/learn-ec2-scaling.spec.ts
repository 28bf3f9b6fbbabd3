import { expect, test } from "@playwright/test";
import { advanceTo, inspectorOf, openFresh, sandboxControl as control, screenshot } from "./helpers";

// Target tracking on EC2: the lesson applies a service on an Auto Scaling group capacity
// provider; the learner watches the provider launch the first instance, ramps the load until the
// scaler adds tasks and managed scaling the instances under them, drops it until both scale back
// in, and answers what the peak costs. Then, on the lesson's canvas, the capacity provider's
// inspector offers the sandbox's Auto Scaling groups for its ARN. Sandbox time is frozen and stepped.

test("the EC2 target-tracking lesson: instances follow the tasks out and back in, and the provider's ARN picker", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  expect((await control(page, { action: "setSpeed", speed: 0 })).ok()).toBe(true);
  try {
    await openFresh(page, "target-tracking-ec2");
    await expect(page.getByRole("heading", { level: 2, name: "Apply a service on an Auto Scaling group provider" })).toBeVisible();
    await page.getByRole("button", { name: "Apply to sandbox" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Applied", { timeout: 30_000 });
    const instances = page.getByTestId("sandbox-scene").getByTestId("scene-instance");
    // Not yet: the tasks wait for the group's first instance, registered after the 60 s warm-up
    // (a sandbox that ran this lesson before may have it already, the tasks still starting).
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("step-hint")).toContainText(/No instance of learn-asg is registered yet|1 instance registered, [01] of 2 tasks RUNNING/);
    await screenshot(page, "learn-ec2-waiting-for-instance");
    await advanceTo(page, "Ramp the load and watch instances added", 30);
    await expect(instances).toHaveCount(1);
    await screenshot(page, "learn-ec2-first-instance");

    await page.getByRole("button", { name: "Ramp the load (20 → 200 req/s)" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("ramping from 20 to 200 requests per second");
    await advanceTo(page, "How many instances?", 60);
    await expect(instances).toHaveCount(3);
    await screenshot(page, "learn-ec2-scaled-out");
    await page.getByTestId("step-question").getByLabel(/^Three: five tasks need three instances/).check();
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Take the load away" })).toBeVisible();

    await page.getByRole("button", { name: "Drop the load (10 req/s)" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("10 requests per second");
    await advanceTo(page, "What the peak costs", 300);
    // The idle instances of the peak drain (the scene marks them DRAINING) and go; those left ACTIVE run the two tasks.
    await expect.poll(() => instances.filter({ hasNotText: /DRAINING|INACTIVE/ }).count()).toBeLessThan(3);
    await screenshot(page, "learn-ec2-scaled-in");
    await page.getByTestId("step-question").getByLabel(/^\$210\.24 a month for 3 m5\.large instances/).check();
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("lesson-complete")).toBeVisible();
    await screenshot(page, "learn-ec2-complete");

    // The group the provider scaled is one of the sandbox's Auto Scaling groups: the inspector offers it.
    await page.getByRole("link", { name: "Open the lesson’s canvas" }).click();
    const provider = page.getByTestId("capacity-provider-node");
    await provider.getByText("Capacity provider", { exact: true }).click();
    const inspector = inspectorOf(page);
    const arn = inspector.getByLabel("Auto Scaling group ARN");
    await expect(arn).toHaveValue(/autoScalingGroupName\/learn-web-asg$/);
    const listId = await arn.getAttribute("list");
    const option = page.locator(`datalist[id="${listId}"] option[label^="learn-web-asg · 0–10 instances"]`);
    await expect(option).toHaveCount(1, { timeout: 20_000 });
    expect(await option.getAttribute("value")).toMatch(/^arn:aws:autoscaling:eu-west-1:000000000000:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/learn-web-asg$/);
    await arn.focus();
    await screenshot(page, "learn-ec2-asg-picker");
  } finally {
    await control(page, { action: "setSpeed", speed: 1 });
  }
});
