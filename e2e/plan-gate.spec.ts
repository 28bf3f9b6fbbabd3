import { expect, test, type Page } from "@playwright/test";
import { screenshot, uniqueName } from "./helpers";

// The validator gate, as a new user meets it: a compose file says nothing of subnets, so the
// imported design has an error; its plan shows the error first and will not apply until the
// error is fixed on the canvas, or the person ticks "Apply anyway", which the apply records.

const waitSaved = (page: Page) => expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });

/** Unique names per run: the app's sandbox keeps what earlier runs created. */
async function importCompose(page: Page, suffix: string): Promise<string> {
  const name = uniqueName("Gated compose");
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("Text").fill(`name: gate-${suffix}\nservices:\n  app${suffix}:\n    image: public.ecr.aws/nginx/nginx:1.27\n    ports: ["80:80"]\n`);
  await dialog.getByLabel("Design name").fill(name);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

async function planIt(page: Page, url: string) {
  await page.goto(`${url}/plan`);
  await page.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(page.getByTestId("plan-summary")).toContainText("3 to create");
}

test("a plan with a validator error shows it first and applies only once it is fixed", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const url = await importCompose(page, suffix);
  await expect(page.getByTestId("finding").filter({ hasText: "service-network" })).toBeVisible();

  await planIt(page, url);
  const errors = page.getByTestId("plan-errors");
  await expect(errors).toContainText("1 validator error: ECS would refuse this design");
  await expect(errors.getByTestId("finding")).toHaveCount(1);
  await expect(errors.getByTestId("finding")).toContainText("Network Configuration must be provided");
  // The errors come before the plan's own summary.
  const errorsBox = (await errors.boundingBox())!;
  const summaryBox = (await page.getByTestId("plan-summary").boundingBox())!;
  expect(errorsBox.y).toBeLessThan(summaryBox.y);
  const apply = page.getByRole("button", { name: "Apply" });
  await expect(apply).toBeDisabled();
  await expect(page.getByText(/Apply is off: 1 validator error in this design/)).toBeVisible();
  await expect(errors.getByRole("group", { name: `Service app${suffix}` })).toBeVisible();
  await screenshot(page, "plan-gate-errors");

  // Fix it on the canvas: the service's Networking section opens on its problem.
  await errors.getByRole("link", { name: "canvas" }).click();
  await expect(page).toHaveURL(/\/canvas$/);
  await page.getByTestId("service-node").filter({ hasText: `app${suffix}` }).getByText(`app${suffix}`, { exact: true }).first().click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByRole("button", { name: "Add subnet" }).click();
  await inspector.getByLabel("Subnet 1", { exact: true }).fill("subnet-0a1b2c3d");
  await waitSaved(page);

  await planIt(page, url);
  await expect(page.getByTestId("plan-errors")).toHaveCount(0);
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(page.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("apply-allowed-errors")).toHaveCount(0);
  await screenshot(page, "plan-gate-fixed-applied");
});

test("Apply anyway applies a plan with a validator error, and the apply records the choice", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = `a${Date.now().toString(36)}`;
  const url = await importCompose(page, suffix);
  await planIt(page, url);
  const apply = page.getByRole("button", { name: "Apply" });
  await expect(apply).toBeDisabled();

  await page.getByLabel(/Apply anyway, despite 1 validator error/).check();
  const anyway = page.getByRole("button", { name: "Apply anyway" });
  await expect(anyway).toBeEnabled();
  await screenshot(page, "plan-gate-apply-anyway");
  await anyway.click();

  // ECS refuses the service for the reason the validator gave; the cluster and revision were made.
  await expect(page.getByTestId("apply-status")).toHaveText("Failed", { timeout: 30_000 });
  const failed = page.getByTestId("apply-step").and(page.locator("[data-status=failed]"));
  await expect(failed).toContainText(`gate-${suffix}/app${suffix}`);
  await expect(failed.getByRole("alert")).toContainText("ECS answered InvalidParameterException");
  const record = page.getByTestId("apply-allowed-errors");
  await expect(record).toContainText("This design was applied with 1 validator error overridden by choice");
  await expect(record).toContainText("[service-network]");
  await screenshot(page, "plan-gate-overridden");

  // A new plan starts unticked: the choice was for that plan only.
  await page.getByRole("button", { name: "Plan again" }).click();
  await expect(page.getByTestId("plan-errors")).toBeVisible();
  await expect(page.getByLabel(/Apply anyway/)).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();

  // The design's history says so too.
  await page.goto(url);
  await expect(page.getByTestId("apply-record").first().getByTestId("apply-overridden")).toHaveText("applied with 1 validator error overridden by choice");
  await screenshot(page, "plan-gate-history");
});
