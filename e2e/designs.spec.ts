import { expect, test } from "@playwright/test";
import { createDesign, designRow, screenshot, uniqueName } from "./helpers";

test("creates a design through the dialog and lists it", async ({ page }) => {
  const name = uniqueName("Checkout");
  await page.goto("/");
  await page.getByRole("button", { name: "New design" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New design" });

  // An empty name is refused with a message next to the field.
  await dialog.getByRole("button", { name: "Create design" }).click();
  await expect(dialog.getByText("Give the design a name.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("Payment and basket services for the web shop");
  await dialog.getByRole("button", { name: "Create design" }).click();

  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("design-version")).toHaveText("Version 1");
  await expect(page.getByTestId("no-problems")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Designs" }).click();
  const row = designRow(page, name);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Payment and basket services for the web shop");
  await expect(row).toContainText("0 clusters");
  await expect(row).toContainText("No problems");
  await screenshot(page, "designs-list");
});

test("renames a design", async ({ page }) => {
  const name = uniqueName("Rename me");
  const renamed = uniqueName("Renamed");
  await createDesign(page, name);
  await page.goto("/");

  await designRow(page, name).getByRole("button", { name: `Rename ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Rename “${name}”` });
  await expect(dialog.getByLabel("Name")).toHaveValue(name);
  await dialog.getByLabel("Name").fill(renamed);
  await dialog.getByLabel("Description").fill("Now with a description");
  await dialog.getByRole("button", { name: "Save" }).click();

  await expect(dialog).toBeHidden();
  await expect(designRow(page, renamed)).toContainText("Now with a description");
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
});

test("duplicates a design", async ({ page }) => {
  const name = uniqueName("Original");
  await createDesign(page, name, "to be copied");
  await page.goto("/");

  await designRow(page, name).getByRole("button", { name: `Duplicate ${name}` }).click();
  await expect(designRow(page, `Copy of ${name}`)).toBeVisible();
  await expect(designRow(page, `Copy of ${name}`)).toContainText("to be copied");
  await expect(designRow(page, name)).toBeVisible();
});

test("deletes a design after confirmation", async ({ page }) => {
  const name = uniqueName("Doomed");
  await createDesign(page, name);
  await page.goto("/");

  await designRow(page, name).getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete design?" });
  await expect(dialog).toContainText(name);

  // Cancelling keeps it.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(designRow(page, name)).toBeVisible();

  await designRow(page, name).getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog", { name: "Delete design?" }).getByRole("button", { name: "Delete design" }).click();
  await expect(designRow(page, name)).toHaveCount(0);
});

test("deletes a design from its own page and returns to the list", async ({ page }) => {
  const name = uniqueName("Doomed too");
  const url = await createDesign(page, name);
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("dialog", { name: "Delete design?" }).getByRole("button", { name: "Delete design" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);

  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
});
