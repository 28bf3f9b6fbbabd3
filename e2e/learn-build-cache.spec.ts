import { expect, test, type Page } from "@playwright/test";
import { labBuild, screenshot } from "./helpers";

// The image lab's first lesson, done as a learner does it: build, rebuild, type into the
// Dockerfile and see that even a metadata line makes COPY . . run again (the Dockerfile is in
// the context), then change a source file and see the cache miss there and everything after it.

const LESSON = "/learn/layers-build-cache";
const steps = (page: Page) => page.getByTestId("build-step");


test("the build-cache lesson, by building, typing into the Dockerfile and editing a source file", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(LESSON);
  await expect(page.getByRole("heading", { level: 1, name: "Layers and the build cache" })).toBeVisible();
  await expect(page.getByTestId("lesson-progress")).toHaveText("0 of 4 steps done");
  // A lab lesson needs no design: no Start button, the lab is right there, empty until a build.
  await expect(page.getByRole("button", { name: "Start lesson" })).toHaveCount(0);
  await expect(page.getByTestId("build-empty")).toContainText("No build yet");
  await screenshot(page, "lab-lesson-start");

  // Checking before building says what to do.
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("step-hint")).toContainText("Press Build");

  // Step 1: the first build pulls the base and runs every step.
  await labBuild(page);
  await expect(page.getByTestId("build-summary")).toContainText("Built shop/web");
  await expect(steps(page)).toHaveCount(4);
  await expect(steps(page).nth(0)).toHaveAttribute("data-status", "built");
  await expect(steps(page).nth(2)).toContainText("first build: the build cache is empty");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Build again without changing anything" })).toBeVisible();

  // Step 2: the same build again is all CACHED.
  await labBuild(page);
  for (let i = 0; i < 4; i++) await expect(steps(page).nth(i)).toHaveAttribute("data-status", "cached");
  await expect(page.getByTestId("build-log")).toContainText("CACHED");
  await screenshot(page, "lab-lesson-all-cached");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Change one source file and rebuild" })).toBeVisible();

  // A typo typed into the Dockerfile is shown on its line and blocks the build.
  const dockerfile = page.getByRole("textbox", { name: "Dockerfile" });
  await dockerfile.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("LABLE team=shop");
  await expect(page.getByTestId("dockerfile-problems")).toContainText("Line 8: Unknown instruction: LABLE");
  await expect(page.getByRole("button", { name: "Build", exact: true })).toBeDisabled();
  await screenshot(page, "lab-lesson-dockerfile-error");
  // Fixed by typing: only a label, yet COPY . . copies the Dockerfile too, so it runs again.
  for (let i = 0; i < "LABLE team=shop".length; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("LABEL team=shop");
  await expect(page.getByTestId("dockerfile-problems")).toHaveCount(0);
  await labBuild(page);
  const copy = steps(page).nth(2);
  await expect(copy).toHaveAttribute("data-status", "built");
  await expect(copy).toContainText("the copied files changed: Dockerfile changed");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("step-hint")).toContainText("Change only a file under src/");

  // Step 3: change the greeting in src/index.js, as a person would, and build.
  await page.getByRole("button", { name: "src/index.js", exact: true }).click();
  const source = page.getByRole("textbox", { name: "Content of src/index.js" });
  await source.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("// greet in French\n");
  await labBuild(page);
  await expect(steps(page).nth(1)).toHaveAttribute("data-status", "cached");
  await expect(copy).toContainText("the copied files changed: src/index.js changed");
  await expect(steps(page).nth(3)).toHaveAttribute("data-status", "built");
  await expect(steps(page).nth(3)).toContainText("every step after a miss runs again");
  await expect(page.getByTestId("layer-table")).toContainText("RUN npm ci --omit=dev");
  await screenshot(page, "lab-lesson-source-change");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Explain what you just saw" })).toBeVisible();

  // Step 4: a wrong answer explains itself; the right one completes the lesson.
  await page.getByRole("radio", { name: /RUN steps always run/ }).check();
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("step-hint")).toContainText("Your second build showed RUN npm ci as CACHED");
  await page.getByRole("radio", { name: /missed the cache, and every step after a miss runs again/ }).check();
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("lesson-complete")).toContainText("Lesson complete");
  await expect(page.getByTestId("lesson-recap")).toContainText("every step after it runs again");
  await expect(page.getByTestId("lesson-progress")).toHaveText("4 of 4 steps done");
  await screenshot(page, "lab-lesson-complete");
});

test("the image lab's Build tab: a multi-stage build, its layers, and the dark theme", async ({ page }) => {
  await page.goto("/learn/lab");
  await expect(page.getByRole("navigation", { name: "Image lab" }).getByRole("link")).toHaveText(["Build", "Registry & hosts", "VMs vs containers"]);
  await expect(page.getByTestId("build-empty")).toBeVisible();
  const dockerfile = page.getByRole("textbox", { name: "Dockerfile" });
  await dockerfile.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type("FROM node:18 AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n\nFROM node:18 AS docs\nRUN echo docs\n\nFROM node:18-alpine\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY src ./src\nCMD [\"node\", \"src/index.js\"]\n");
  await page.getByRole("button", { name: "Build", exact: true }).click();
  await expect(page.getByTestId("build-summary")).toContainText("Built shop/web");
  await expect(page.getByTestId("build-summary")).toContainText("Skipped stage “docs”");
  await expect(page.getByTestId("layer-table")).toContainText("COPY --from=deps /app/node_modules ./node_modules");
  await expect(page.getByTestId("layer-table")).not.toContainText("npm ci");
  await screenshot(page, "lab-build-multi-stage");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Build", exact: true }).click();
  await expect(page.getByTestId("build-summary")).toContainText("Built shop/web");
  await screenshot(page, "lab-build-dark");
  await page.emulateMedia({ colorScheme: "light" });
});
