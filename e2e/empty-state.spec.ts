import { expect, test } from "@playwright/test";
import { screenshot } from "./helpers";

// The e2e server runs on its own database (a throwaway PGlite folder, or E2E_DATABASE_URL /
// CI's fresh database), so emptying it through the UI is how this test reaches the empty state.
test("with no designs, the list explains Stevedore and offers New design and Import", async ({ page }) => {
  await page.goto("/");
  const rows = page.getByTestId("design-row");
  const emptyState = page.getByTestId("empty-state");
  await expect(rows.first().or(emptyState)).toBeVisible();

  for (let remaining = await rows.count(); remaining > 0; remaining--) {
    await rows.first().getByRole("button", { name: /^Delete / }).click();
    await page.getByRole("dialog", { name: "Delete design?" }).getByRole("button", { name: "Delete design" }).click();
    await expect(rows).toHaveCount(remaining - 1);
  }

  await expect(emptyState).toBeVisible();
  await expect(emptyState.getByRole("heading", { name: "No designs yet" })).toBeVisible();
  await expect(emptyState.getByRole("button", { name: "New design" })).toBeVisible();
  await expect(emptyState.getByRole("button", { name: "Import" })).toBeVisible();
  await screenshot(page, "empty-state");

  await emptyState.getByRole("button", { name: "New design" }).click();
  await expect(page.getByRole("dialog", { name: "New design" })).toBeVisible();
});
