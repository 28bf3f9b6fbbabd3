import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { fixture, importDesignText, labBuild, labPull, labWrite, screenshot, uniqueName } from "./helpers";

// The image lab is kept in this browser: a learner builds, reloads the page, and finds the
// Dockerfile, the build context (with the .dockerignore they added) and the build cache as they
// left them, so the rebuild is CACHED; the registry's tags and the hosts' layers and containers
// survive a reload too; a lesson checks builds made before the reload; Reset lab forgets it all.

const built = (page: Page) => page.locator('[data-testid="build-step"][data-status="built"]');
const cached = (page: Page) => page.locator('[data-testid="build-step"][data-status="cached"]');

test("build, reload, rebuild CACHED; registry and hosts survive a reload; Use in a design; Reset lab", async ({ page }) => {
  test.setTimeout(180_000);
  const designName = uniqueName("Lab target");
  await importDesignText(page, designName, readFileSync(fixture("shop-design.json"), "utf8"));
  const designUrl = page.url();

  // Build: a .dockerignore in the context, then the first build runs every step.
  await page.goto("/learn/lab");
  await expect(page.getByTestId("build-empty")).toContainText("No build yet");
  await page.getByLabel("New file path").fill(".dockerignore");
  await page.getByRole("button", { name: "Add file" }).click();
  await page.getByRole("textbox", { name: "Content of .dockerignore" }).fill("node_modules\n.git\n");
  await labBuild(page);
  await expect(page.getByTestId("build-summary")).toContainText("Built shop/web");
  await expect(cached(page)).toHaveCount(0);
  const steps = await page.getByTestId("build-step").count();
  await expect(page.getByTestId("context-files")).toContainText("ignored");

  // Reload: the bench and its cache come back; the rebuild is CACHED step by step.
  await page.reload();
  await expect(page.getByTestId("build-empty")).toContainText("Restored from this browser");
  await expect(page.getByTestId("cache-size")).toHaveText(/^[1-9]\d* cached steps · 1 build$/);
  await expect(page.getByTestId("context-files")).toContainText(".dockerignore");
  await expect(page.getByTestId("context-files").getByRole("listitem").filter({ hasText: ".git/HEAD" })).toContainText("ignored");
  await expect(page.getByRole("textbox", { name: "Dockerfile" })).toHaveValue(/^FROM node:18-alpine\nWORKDIR \/app\nCOPY \. \./);
  await screenshot(page, "lab-persist-restored");
  await labBuild(page);
  await expect(page.getByTestId("build-step")).toHaveCount(steps);
  await expect(built(page)).toHaveCount(0);
  await expect(cached(page)).not.toHaveCount(0);
  await expect(page.getByTestId("build-log")).toContainText("CACHED");
  await expect(page.getByTestId("cache-size")).toHaveText(/ · 2 builds$/);
  await screenshot(page, "lab-persist-rebuild-cached");

  // Registry & hosts: push, pull onto host-a, run a container that writes a file.
  await page.getByRole("navigation", { name: "Image lab" }).getByRole("link", { name: "Registry & hosts" }).click();
  await expect(page.getByLabel("Image", { exact: true }).locator("option", { hasText: "built in the lab" })).toHaveCount(1);
  await page.getByLabel("Image", { exact: true }).selectOption({ label: "Sample: shop/web, version 1" });
  await page.getByRole("button", { name: "Push" }).click();
  await expect(page.getByText("Uploaded 98.86 MB; 0 of 7 layers were already in the repository")).toBeVisible();
  const hostA = page.getByRole("article", { name: "host-a" });
  await labPull(hostA, "shop/web:latest");
  await expect(hostA.getByText("Downloaded 98.86 MB; 0 layers were already on host-a.")).toBeVisible();
  await hostA.getByRole("button", { name: "Run" }).click();
  const web = hostA.getByRole("group", { name: "Container web" });
  await labWrite(web, "/tmp/cache.bin", 500);
  await expect(web.getByText("/tmp/cache.bin 500.0 kB · writable layer")).toBeVisible();

  // Reload: the repository, its tag, host-a's layers and the container with its writable layer are all there.
  await page.reload();
  const repo = page.getByRole("article", { name: /shop\/web$/ });
  await expect(repo.getByRole("listitem").filter({ hasText: "latest" })).toBeVisible();
  await expect(page.getByRole("article", { name: "host-a" }).getByText("Disk used: 99.56 MB")).toBeVisible();
  await expect(page.getByRole("list", { name: "Layers on host-a" }).getByRole("listitem")).toHaveCount(7);
  await expect(page.getByRole("group", { name: "Container web" }).getByText("/tmp/cache.bin 500.0 kB · writable layer")).toBeVisible();
  await expect(page.getByRole("article", { name: "host-b" }).getByText("No layers yet.")).toBeVisible();
  await screenshot(page, "lab-persist-registry-restored");

  // Use in a design: the ECR reference by tag, and the design's image rule judges it.
  await repo.getByRole("button", { name: "Use in a design" }).click();
  const use = page.getByTestId("use-from-registry");
  await use.getByRole("combobox").first().selectOption({ label: designName });
  await use.getByRole("radio", { name: /a tag/ }).check();
  await expect(use.getByLabel("Tag", { exact: true })).toHaveValue("latest");
  await expect(use.getByTestId("image-reference")).toHaveText("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:latest");
  await use.getByRole("button", { name: "Use this image" }).click();
  await expect(use.getByRole("status")).toContainText(`web in “${designName}” now runs 123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:latest`);
  await screenshot(page, "lab-persist-use-in-design");
  await page.goto(designUrl);
  await expect(page.getByText(/"web" uses the latest tag \(123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop\/web:latest\)/).first()).toBeVisible();

  // Reset lab: the registry, the hosts, the built images and the Build bench start fresh, and stay so after a reload.
  await page.goto("/learn/lab/registry");
  await expect(repo).toBeVisible();
  await page.getByRole("button", { name: "Reset lab…" }).click();
  await screenshot(page, "lab-persist-reset-confirm");
  await page.getByRole("button", { name: "Reset lab", exact: true }).click();
  await expect(page.getByText("No repositories yet. Push an image above to create one.")).toBeVisible();
  await expect(page.getByText("Nothing to pull yet: push an image to the registry first.")).toHaveCount(2);
  await expect(page.getByLabel("Image", { exact: true }).locator("option", { hasText: "built in the lab" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No repositories yet. Push an image above to create one.")).toBeVisible();
  await page.goto("/learn/lab");
  await expect(page.getByTestId("build-empty")).toContainText("No build yet");
  await expect(page.getByTestId("cache-size")).toHaveText("0 cached steps · 0 builds");
  await expect(page.getByTestId("context-files")).not.toContainText(".dockerignore");
});

test("a lesson checks the builds made before a reload", async ({ page }) => {
  await page.goto("/learn/layers-build-cache");
  const reset = page.getByRole("button", { name: "Reset…" });
  if (await reset.isVisible()) {
    await reset.click();
    await page.getByRole("button", { name: "Reset progress" }).click();
  }
  await expect(page.getByTestId("lesson-progress")).toHaveText("0 of 4 steps done");
  await labBuild(page);
  await page.reload();
  await expect(page.getByTestId("build-empty")).toContainText("Restored from this browser");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Build again without changing anything" })).toBeVisible();
  await labBuild(page);
  await expect(built(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Change one source file and rebuild" })).toBeVisible();
  await screenshot(page, "lab-persist-lesson");
  // Starting over starts the lesson's lab over too.
  await page.getByRole("button", { name: "Reset…" }).click();
  await page.getByRole("button", { name: "Reset progress" }).click();
  await expect(page.getByTestId("lesson-progress")).toHaveText("0 of 4 steps done");
  await expect(page.getByTestId("build-empty")).toContainText("No build yet");
  await expect(page.getByTestId("cache-size")).toHaveText("0 cached steps · 0 builds");
});
