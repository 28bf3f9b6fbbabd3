import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { screenshot } from "./helpers";

// A fresh install: the same build started on an empty embedded database with no admin in its
// environment. Every page leads to /setup; the setup token comes from the server's log (and its
// file beside the data directory); the first admin signs in, and setup is gone for good.

const PORT = Number(process.env.E2E_PORT ?? 3211) + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const dataRoot = mkdtempSync(join(tmpdir(), "stevedore-first-run-"));
const dataDir = join(dataRoot, "pglite");
let server: ChildProcess;
let log = "";

// No one is signed in on a fresh install.
test.use({ storageState: { cookies: [], origins: [] }, baseURL: ORIGIN });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "", STEVEDORE_DATA_DIR: dataDir, PORT: String(PORT) };
  for (const k of ["STEVEDORE_ADMIN_EMAIL", "STEVEDORE_ADMIN_PASSWORD", "STEVEDORE_ADMIN_NAME", "STEVEDORE_URL"]) delete env[k];
  server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (d) => (log += String(d)));
  server.stderr?.on("data", (d) => (log += String(d)));
  await expect.poll(async () => (await fetch(`${ORIGIN}/api/health`).catch(() => undefined))?.status, { timeout: 90_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode !== null ? resolve(undefined) : server.once("exit", resolve)));
  rmSync(dataRoot, { recursive: true, force: true });
});

test("a fresh install leads to setup, the token from the log creates the first admin, and setup is gone", async ({ page }) => {
  test.setTimeout(90_000);
  const token = /enter this one-time setup token:\s*\n\[stevedore\]\s+(\S+)/.exec(log)?.[1];
  expect(token, `no setup token in the server's log:\n${log}`).toBeTruthy();
  // The same token in the file beside the data directory, readable by its owner only.
  const file = `${dataDir}-setup-token`;
  expect(log).toContain(file);
  expect(readFileSync(file, "utf8").trim()).toBe(token);
  expect(statSync(file).mode & 0o777).toBe(0o600);

  // Any page leads there.
  await page.goto("/monitor");
  await expect(page).toHaveURL(`${ORIGIN}/setup`);
  await expect(page.getByRole("heading", { name: "Set up Stevedore" })).toBeVisible();
  await screenshot(page, "first-run-setup");

  const form = page.getByRole("form", { name: "Create the first admin" });
  await form.getByLabel("Setup token").fill("not-the-token");
  await form.getByLabel("Your name").fill("Ada Admin");
  await form.getByLabel("Email").fill("ada@example.com");
  await form.getByLabel("Password", { exact: true }).fill("first admin password");
  await form.getByLabel("Password again").fill("first admin password");
  await form.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(form.getByText("This is not the setup token the server printed at its last start")).toBeVisible();

  await form.getByLabel("Setup token").fill(token!);
  await form.getByRole("button", { name: "Create admin and sign in" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/people`);
  await expect(page.getByTestId("signed-in-as")).toHaveText(/Ada Admin · admin/);
  await expect(page.getByRole("list", { name: "People" }).getByTestId("person")).toHaveCount(1);
  await screenshot(page, "first-run-people");
  expect(() => statSync(file)).toThrow();

  // Setup is dead now, signed in or not.
  await page.goto("/setup");
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${ORIGIN}/sign-in`);
  await page.goto("/setup");
  await expect(page).toHaveURL(`${ORIGIN}/sign-in`);

  // Signing in again, and back to the page asked for.
  await page.goto("/environments");
  await expect(page).toHaveURL(`${ORIGIN}/sign-in?next=%2Fenvironments`);
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Password").fill("wrong password entirely");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  await screenshot(page, "first-run-sign-in");
  await page.getByLabel("Password").fill("first admin password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${ORIGIN}/environments`);
  await expect(page.getByRole("heading", { level: 1, name: "Environments" })).toBeVisible();
});
