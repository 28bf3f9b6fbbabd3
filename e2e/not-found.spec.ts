import { expect, test } from "@playwright/test";

test("a missing design is a 404 page", async ({ page }) => {
  const response = await page.goto("/designs/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nothing is moored here" })).toBeVisible();
  await page.getByRole("link", { name: "Back to designs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Designs" })).toBeVisible();
});

test("a malformed design id is a 404 page, not a server error", async ({ page }) => {
  const response = await page.goto("/designs/not-a-design-id");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nothing is moored here" })).toBeVisible();
});

test("an unknown page is a 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Nothing is moored here" })).toBeVisible();
});
