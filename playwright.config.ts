import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { E2E_PASSWORD, E2E_PEOPLE, storageStateOf } from "./e2e/auth";

// Playwright's own Chromium when it is installed; else CHROMIUM_PATH or Debian's /usr/bin/chromium
// (Playwright's browser download does not work on every machine).
function chromiumPath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

const PORT = Number(process.env.E2E_PORT ?? 3211);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Signs in once per role (admin, editor, viewer) and saves each browser state in e2e/.auth.
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Every spec starts signed in as an editor; a spec that needs another role says so.
    storageState: storageStateOf("editor"),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    // A production build, like users run it, on a database of the e2e tests' own (they create
    // and delete designs freely): E2E_DATABASE_URL when set (CI points it at a fresh PostgreSQL
    // database), else a PGlite folder wiped before every run. DATABASE_URL is deliberately not
    // used, so running the tests never touches a developer's own designs.
    command: `${process.env.E2E_DATABASE_URL ? "" : "rm -rf .data/e2e && "}npm run build && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // The production build takes 3-4 minutes on a quiet 2-core machine and far longer when other
    // work shares the cores: wait up to 20 minutes (E2E_SERVER_TIMEOUT_MS changes it). This bounds
    // a hung start-up only; it measures nothing.
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 1_200_000),
    reuseExistingServer: !process.env.CI,
    env: {
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_URL: "", STEVEDORE_DATA_DIR: ".data/e2e" }),
      // The first admin, created at start-up when the database has none (the headless way in).
      STEVEDORE_ADMIN_EMAIL: E2E_PEOPLE.admin.email,
      STEVEDORE_ADMIN_NAME: E2E_PEOPLE.admin.name,
      STEVEDORE_ADMIN_PASSWORD: E2E_PASSWORD,
      // The AWS environments the specs make point at endpoints the specs start themselves (a fake
      // ECS in real JSON shapes); the server's default credential chain still needs a key to sign with.
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? "AKIAE2EFAKEKEY000000",
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? "e2e-fake-secret",
    },
  },
});
