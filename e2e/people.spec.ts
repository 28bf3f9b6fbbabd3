import { expect, test, type Browser } from "@playwright/test";
import { storageStateOf } from "./auth";
import { screenshot } from "./helpers";

// An admin brings someone in and manages them: the invite link works once, the invitee chooses
// a password and is signed in with the role; a role change signs them out; they change their
// password on their profile; the admin removes them.

test.use({ storageState: storageStateOf("admin") });

const PASSWORD = "a password of my own choosing";
const NEW_PASSWORD = "and later another one entirely";

async function fresh(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

test("invite, accept, change role, change password, remove", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `invitee-${Date.now()}@stevedore.test`;
  await page.goto("/people");
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role", { exact: true }).selectOption("editor");
  await invite.getByRole("button", { name: "Invite", exact: true }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{32}$/);
  await expect(page.getByRole("list", { name: "Open invitations" }).getByTestId("invite").filter({ hasText: email })).toContainText("as editor");
  await screenshot(page, "people-invited");

  // The invitee opens the link in their own browser.
  const them = await fresh(browser);
  await them.page.goto(link);
  await expect(them.page.getByText(`You are invited as an editor (${email})`)).toBeVisible();
  await them.page.getByLabel("Your name").fill("Ivy Invitee");
  await them.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await them.page.getByLabel("Password again").fill(PASSWORD);
  await screenshot(them.page, "people-accept-invite");
  await them.page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(them.page.getByTestId("signed-in-as")).toHaveText(/Ivy Invitee · editor/);

  // The link is used up.
  const other = await fresh(browser);
  await other.page.goto(link);
  await expect(other.page.getByRole("alert").filter({ hasText: "This invite link does not work" })).toBeVisible();
  await other.context.close();

  // A role change signs them out everywhere.
  await page.goto("/people");
  const row = page.getByTestId("person").filter({ hasText: email });
  page.once("dialog", (d) => void d.accept());
  await row.getByLabel("Role of Ivy Invitee").selectOption("viewer");
  await expect(row.getByLabel("Role of Ivy Invitee")).toHaveValue("viewer");
  await them.page.goto("/");
  await expect(them.page).toHaveURL(/\/sign-in\?next=%2F$/);
  await them.page.getByLabel("Email").fill(email);
  await them.page.getByLabel("Password").fill(PASSWORD);
  await them.page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(them.page.getByTestId("signed-in-as")).toHaveText(/Ivy Invitee · viewer/);

  // Their own password, on their profile.
  await them.page.getByTestId("signed-in-as").click();
  await expect(them.page.getByRole("heading", { level: 1, name: "Ivy Invitee" })).toBeVisible();
  const form = them.page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("New password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Every other session was signed out.");
  await expect(them.page.getByRole("list", { name: "Sessions" }).getByTestId("session")).toHaveCount(1);
  await screenshot(them.page, "people-profile");

  // Removed: the session they had ends.
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Remove Ivy Invitee" }).click();
  await expect(page.getByTestId("person").filter({ hasText: email })).toHaveCount(0);
  await them.page.goto("/");
  await expect(them.page).toHaveURL(/\/sign-in/);
  await them.context.close();
});
