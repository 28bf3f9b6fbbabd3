import { chromium, expect, type FullConfig, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { AUTH_DIR, E2E_PASSWORD, E2E_PEOPLE, storageStateOf, type E2ERole } from "./auth";

// Signs in once per role, as a person would, and saves the browser state each spec starts from
// (playwright.config.ts: the editor's by default; `test.use({ storageState })` for another role).
// The admin exists from the server's start-up (STEVEDORE_ADMIN_EMAIL); the editor and the viewer
// are invited through the People page the first time (the e2e database may be reused).

async function signIn(page: Page, role: E2ERole) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_PEOPLE[role].email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(E2E_PEOPLE[role].name);
}

async function invite(admin: Page, role: E2ERole): Promise<string> {
  await admin.goto("/people");
  await admin.getByRole("form", { name: "Invite someone" }).getByLabel("Email").fill(E2E_PEOPLE[role].email);
  await admin.getByLabel("Role", { exact: true }).selectOption(role);
  await admin.getByRole("button", { name: "Invite", exact: true }).click();
  return admin.getByTestId("invite-link").inputValue();
}

async function accept(page: Page, link: string, role: E2ERole) {
  await page.goto(link);
  await page.getByLabel("Your name").fill(E2E_PEOPLE[role].name);
  await page.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
  await page.getByLabel("Password again").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(E2E_PEOPLE[role].name);
}

export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0].use;
  mkdirSync(AUTH_DIR, { recursive: true });
  const browser = await chromium.launch(launchOptions);
  try {
    const adminContext = await browser.newContext({ baseURL });
    const admin = await adminContext.newPage();
    await signIn(admin, "admin");
    await adminContext.storageState({ path: storageStateOf("admin") });

    await admin.goto("/people");
    const people = admin.getByRole("list", { name: "People" });
    await expect(people).toBeVisible();
    for (const role of ["editor", "viewer"] as const) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      const exists = (await people.getByText(E2E_PEOPLE[role].email).count()) > 0;
      if (exists) await signIn(page, role);
      else await accept(page, await invite(admin, role), role);
      await context.storageState({ path: storageStateOf(role) });
      await context.close();
      await admin.goto("/people");
    }
    await adminContext.close();
  } finally {
    await browser.close();
  }
}
