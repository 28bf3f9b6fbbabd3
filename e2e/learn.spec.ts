import { expect, test } from "@playwright/test";
import { openFresh, sandboxControl as control, screenshot } from "./helpers";

// Learn mode against a fresh e2e database (playwright.config.ts wipes it per run). Sandbox
// time is frozen (setSpeed 0) and moved with `step`, so task lifecycles are deterministic.

test.describe("Learn mode", () => {
  test("the concepts page draws every concept", async ({ page }) => {
    await page.goto("/learn");
    await page.getByRole("link", { name: "Concepts", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Concepts" })).toBeVisible();
    for (const name of ["Containers and virtual machines", "Images and layers", "Registries, tags and digests", "EC2 and Fargate", "Network modes", "Task role and execution role"]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole("img", { name: "Virtual machines compared with containers" })).toBeVisible();
    await expect(page.getByRole("img", { name: "The four network modes of a task" })).toBeVisible();
    await expect(page.getByRole("img")).toHaveCount(7);
    await expect(page.getByRole("link", { name: /ECS documentation: Network modes/ })).toHaveAttribute("href", /task-networking/);
    await screenshot(page, "learn-concepts");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Network modes" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/screenshots/learn-concepts-dark.png" });
  });

  test("first lesson: a wrong step shows its hint, progress survives a reload, the lesson completes", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Learn ECS by doing" })).toBeVisible();
    await screenshot(page, "learn-index");
    await page.getByRole("link", { name: "Build your first task definition" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Build your first task definition" })).toBeVisible();
    await openFresh(page, "first-task-definition");
    const canvas = page.getByRole("link", { name: "Open the lesson’s canvas" });
    await expect(canvas).toHaveAttribute("href", /^\/designs\/[0-9a-f-]{36}\/canvas$/);

    // Checking before doing anything: the hint says what is missing.
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("step-hint")).toContainText("no task definition yet");
    await screenshot(page, "learn-hint");

    await page.getByRole("button", { name: "Show me" }).click();
    await expect(page.getByTestId("step-feedback")).toContainText("Done on your design");
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByTestId("step-add-container")).toHaveAttribute("data-state", "done");
    await expect(page.getByRole("heading", { level: 2, name: "Open a port and give it memory" })).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("lesson-progress")).toHaveText("1 of 3 steps done");
    await expect(page.getByTestId("step-add-container")).toHaveAttribute("data-state", "done");
    await expect(page.getByTestId("step-port-and-memory")).toHaveAttribute("data-state", "current");

    for (const next of ["Make it valid for Fargate", null]) {
      await page.getByRole("button", { name: "Show me" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("Done on your design");
      await page.getByRole("button", { name: "Check" }).click();
      if (next) await expect(page.getByRole("heading", { level: 2, name: next })).toBeVisible();
    }
    await expect(page.getByTestId("lesson-complete")).toContainText("Lesson complete");
    await screenshot(page, "learn-complete");

    // The lesson's design is an ordinary design, listed with the others.
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Lesson: Build your first task definition" }).first()).toBeVisible();
    await page.goto("/learn");
    await expect(page.getByTestId("lesson-card-first-task-definition")).toContainText("Completed");
  });

  test("the lesson's canvas shows the lesson and the step, and leads back to the lesson", async ({ page }) => {
    await openFresh(page, "first-task-definition");
    await page.getByRole("link", { name: "Open the lesson’s canvas" }).click();
    await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}\/canvas$/);
    const bar = page.getByTestId("lesson-bar");
    await expect(bar).toContainText("Lesson 1: Build your first task definition");
    await expect(bar).toContainText("Step 1 of 3: Add a task definition with a container");
    await expect(page.getByTestId("designer")).toBeVisible();
    await screenshot(page, "canvas-lesson-bar");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(bar).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/canvas-lesson-bar-dark.png" });
    await bar.getByRole("link", { name: "Back to the lesson" }).click();
    await expect(page).toHaveURL(/\/learn\/first-task-definition$/);
    await expect(page.getByRole("heading", { level: 1, name: "Build your first task definition" })).toBeVisible();
  });

  test("service lesson: the scheduler replaces a crashed task in the sandbox", async ({ page }) => {
    expect((await control(page, { action: "setSpeed", speed: 0 })).ok()).toBe(true);
    try {
      await openFresh(page, "service-self-healing");
      await page.getByRole("button", { name: "Show me" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("Done on your design");
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Run it in the sandbox" })).toBeVisible();

      await page.getByRole("button", { name: "Apply to sandbox" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("Applied");
      const tasks = page.getByTestId("live-task");
      await expect(tasks).toHaveCount(2);
      await expect(tasks.and(page.locator('[data-status="PROVISIONING"]'))).toHaveCount(2);
      // The animated scene draws the same answers: two tokens in the first lifecycle lane.
      const scene = page.getByTestId("sandbox-scene");
      await expect(scene.getByTestId("scene-task").and(page.locator('[data-status="PROVISIONING"]'))).toHaveCount(2);
      await expect(scene.getByTestId("scene-story")).toContainText("0 of 2 running, 2 starting");
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByTestId("step-hint")).toContainText("0 of 2 tasks are RUNNING");
      await screenshot(page, "learn-provisioning");

      expect((await control(page, { action: "step", seconds: 10 })).ok()).toBe(true);
      await expect(tasks.and(page.locator('[data-status="RUNNING"]'))).toHaveCount(2);
      // The same tokens slid on to RUNNING; the log says how they got there.
      await expect(scene.getByTestId("scene-task").and(page.locator('[data-status="RUNNING"]'))).toHaveCount(2);
      await expect(scene.getByTestId("scene-story")).toContainText("Steady: 2 tasks running");
      await expect(scene.getByTestId("scene-changes")).toContainText("PROVISIONING → RUNNING");
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Crash a task, watch the replacement" })).toBeVisible();

      await page.getByRole("button", { name: "Crash a task" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("crashed");
      await expect(tasks.and(page.locator('[data-status="PROVISIONING"]'))).toHaveCount(1);
      await expect(scene.getByTestId("scene-story")).toContainText("1 of 2 running, 1 starting");
      await expect(scene.getByTestId("scene-changes")).toContainText("appeared in PROVISIONING");
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByTestId("step-hint")).toContainText("still starting");
      await screenshot(page, "learn-replacement");

      await page.getByRole("button", { name: "Fast-forward 10 s" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("10 seconds");
      await expect(tasks.and(page.locator('[data-status="RUNNING"]'))).toHaveCount(2);
      await expect(tasks.and(page.locator('[data-status="STOPPED"]'))).toHaveCount(1);
      await expect(page.getByTestId("live-tasks")).toContainText("Essential container in task exited");
      await page.getByRole("button", { name: "Check" }).click();

      // Explain it: a wrong answer says what is wrong with it; the right one ends the lesson.
      await expect(page.getByRole("heading", { level: 2, name: "Explain what you saw" })).toBeVisible();
      const question = page.getByTestId("step-question");
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByTestId("step-hint")).toContainText("Pick one of the answers first");
      await question.getByLabel("The cluster restarts every task that stops.").check();
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByTestId("step-hint")).toContainText("only a service keeps a desired count");
      await screenshot(page, "learn-question");
      await question.getByLabel(/The service scheduler saw 1 task running where 2 were desired/).check();
      await page.getByRole("button", { name: "Check" }).click();
      await expect(page.getByTestId("lesson-complete")).toBeVisible();
      const recap = page.getByTestId("lesson-recap");
      await expect(recap.getByRole("heading", { name: "What you can now explain" })).toBeVisible();
      await expect(recap).toContainText("desired count");
      await screenshot(page, "learn-sandbox-complete");

      await page.reload();
      await expect(page.getByTestId("lesson-progress")).toHaveText("4 of 4 steps done");
    } finally {
      await control(page, { action: "setSpeed", speed: 1 });
    }
  });
  test("the scene animates a rolling deployment within its bounds and placement filling instances", async ({ page }) => {
    test.setTimeout(120_000);
    expect((await control(page, { action: "setSpeed", speed: 0 })).ok()).toBe(true);
    try {
      const scene = page.getByTestId("sandbox-scene");
      const check = () => page.getByRole("button", { name: "Check" }).click();

      // Rolling deployment with min 50 % / max 100 % of 4: never more than 4 tasks, at least 2 running.
      await openFresh(page, "rolling-deployment");
      await page.getByRole("button", { name: "Show me" }).click();
      await check();
      await page.getByRole("button", { name: "Apply to sandbox" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("Applied");
      expect((await control(page, { action: "step", seconds: 10 })).ok()).toBe(true);
      await expect(scene.getByTestId("scene-task").and(page.locator('[data-status="RUNNING"]'))).toHaveCount(4);
      await check();
      await expect(page.getByRole("heading", { level: 2, name: "Roll out a new revision" })).toBeVisible();
      await page.getByRole("button", { name: "Deploy new revision" }).click();
      const service = scene.getByTestId("scene-service");
      await expect(service.getByTestId("scene-story")).toContainText("is replacing the old one");
      await expect(service.getByTestId("scene-story")).toContainText("at least 2 running and at most 4 running or starting");
      await expect(service.locator('[data-testid="scene-slot"]:not([data-kind="stopping"])')).toHaveCount(4);
      await expect(service.getByTestId("scene-deployments")).toContainText(/PRIMARY revision \d+/);
      await expect(service.getByTestId("scene-deployments")).toContainText(/ACTIVE revision \d+/);
      // Two old tasks are on their way out while two keep serving: the min line holds.
      await expect(scene.getByTestId("scene-task").and(page.locator("[data-stopping]"))).toHaveCount(2);
      await screenshot(page, "learn-rolling-scene");
      await expect(async () => {
        expect((await control(page, { action: "step", seconds: 5 })).ok()).toBe(true);
        await expect(service.getByTestId("scene-story")).toContainText("Steady: 4 tasks running", { timeout: 3_000 });
      }).toPass({ timeout: 60_000 });
      await expect(service.getByTestId("scene-deployments")).toHaveText(/^PRIMARY revision \d+: 4\/4 running/);

      // Binpack on memory: three instances, and all three tasks fill the first one.
      await openFresh(page, "placement-strategies");
      await page.getByRole("button", { name: "Show me" }).click();
      await check();
      await page.getByRole("button", { name: "Apply to sandbox" }).click();
      await expect(page.getByTestId("step-feedback")).toContainText("Applied");
      expect((await control(page, { action: "step", seconds: 10 })).ok()).toBe(true);
      const instances = scene.getByTestId("scene-instance");
      await expect(instances).toHaveCount(3);
      await expect(instances.and(page.locator('[data-tasks="3"]'))).toHaveCount(1);
      await expect(instances.and(page.locator('[data-tasks="0"]'))).toHaveCount(2);
      await screenshot(page, "learn-placement-scene");
    } finally {
      await control(page, { action: "setSpeed", speed: 1 });
    }
  });
});
