import { expect, type Locator, type Page } from "@playwright/test";
import { join } from "node:path";

/** Names unique per run: the database may hold designs from earlier runs. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now()}-${Math.floor(Math.random() * 1000)}`;
}

export const fixture = (name: string) => join(__dirname, "fixtures", name);

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join("test-results", "screenshots", `${name}.png`), fullPage: true });

export function designRow(page: Page, name: string) {
  return page.getByTestId("design-row").filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** Imports design JSON through the Import dialog and lands on the new design's page. */
export async function importDesignText(page: Page, name: string, json: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("Text").fill(json);
  await dialog.getByLabel("Design name").fill(name);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
}

/** Creates a design through the New design dialog and returns its page URL. */
export async function createDesign(page: Page, name: string, description = ""): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: "New design" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New design" });
  await dialog.getByLabel("Name").fill(name);
  if (description) await dialog.getByLabel("Description").fill(description);
  await dialog.getByRole("button", { name: "Create design" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

/**
 * Creates a design named `name`, opens its canvas and loads the sample design from the empty
 * canvas (two services); returns the design page's URL. `emptyShot` screenshots the empty canvas first.
 */
export async function openSampleCanvas(page: Page, name: string, emptyShot?: string): Promise<string> {
  const url = await createDesign(page, name);
  await page.goto(`${url}/canvas`);
  const empty = page.getByTestId("empty-canvas");
  await expect(empty.getByRole("heading", { name: "Start your design" })).toBeVisible();
  if (emptyShot) await screenshot(page, emptyShot);
  await empty.getByRole("button", { name: "Load sample design" }).click();
  await expect(page.getByTestId("service-node")).toHaveCount(2);
  return url;
}

export type SandboxKey = { accessKeyId: string; secretAccessKey: string };

/**
 * A fresh personal sandbox access key, made as a person makes one: on the profile page (the
 * keys made before by this person, at most two, are revoked first). Its secret is read off
 * the page the one time it is shown.
 */
export async function createSandboxKey(page: Page, shot?: string): Promise<SandboxKey> {
  await page.goto("/profile");
  const revoke = page.getByTestId("access-key").getByRole("button", { name: /^Revoke / });
  while (await revoke.count()) {
    const n = await revoke.count();
    await revoke.first().click();
    await expect(revoke).toHaveCount(n - 1);
  }
  await page.getByRole("button", { name: "Create access key" }).click();
  const shown = page.getByTestId("new-access-key");
  await expect(shown).toBeVisible();
  const accessKeyId = (await shown.getByTestId("new-access-key-id").textContent())!.trim();
  const secretAccessKey = (await shown.getByTestId("new-secret-access-key").textContent())!.trim();
  await expect(page.getByTestId("access-key")).toHaveCount(1);
  if (shot) await screenshot(page, shot);
  return { accessKeyId, secretAccessKey };
}

/** Opens a lesson from its start: a reused server may hold progress from an earlier run. */
export async function openFresh(page: Page, lessonId: string) {
  await page.goto(`/learn/${lessonId}`);
  const start = page.getByRole("button", { name: "Start lesson" });
  const reset = page.getByRole("button", { name: "Reset…" });
  await expect(start.or(reset).first()).toBeVisible();
  if (await reset.isVisible()) {
    await reset.click();
    await page.getByRole("button", { name: "Reset progress" }).click();
  }
  await expect(page.getByTestId("lesson-progress")).toHaveText(/^0 of \d+ steps done$/);
  await start.click();
}

export const SANDBOX_ENV = "00000000-0000-4000-8000-00000000ec50";

/** The sandbox's control API (the clock, faults), as the lesson specs drive it. */
export const sandboxControl = (page: Page, data: Record<string, unknown>) => page.request.post("/sandbox/control", { data });

/** Presses Check (moving sandbox time `seconds` first) until the lesson's next step shows. */
export async function advanceTo(page: Page, heading: string, seconds: number) {
  await expect(async () => {
    expect((await sandboxControl(page, { action: "step", seconds })).ok()).toBe(true);
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** The designer's inspector panel. */
export const inspectorOf = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

/** Waits for the canvas's autosave to say "saved". */
export async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
}

/** The design document as the server stored it, for the design page or canvas at `url`. */
export async function storedDocument(page: Page, url: string) {
  const id = new URL(url).pathname.split("/")[2];
  return (await (await page.request.get(`/api/designs/${id}`)).json()).document;
}

/** Drags from a source handle (a node's right handle, a listener's row handle) to a node's left (target) handle. */
export async function dragConnect(page: Page, handle: Locator, to: Locator) {
  const a = (await handle.boundingBox())!;
  const b = (await to.locator(".react-flow__handle-left").boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 6 });
  await page.mouse.up();
}

/** Zoom to fit animates the viewport: clicks it and waits until `node` stops moving before handles are measured. */
export async function fitView(page: Page, node: Locator) {
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  let last = "";
  await expect.poll(async () => {
    const box = JSON.stringify(await node.boundingBox());
    const still = box === last;
    last = box;
    return still;
  }, { intervals: [150] }).toBe(true);
}

/** Presses the image lab's Build and waits for the build to land (the cache line changes with every build). */
export async function labBuild(page: Page) {
  const before = await page.getByTestId("cache-size").textContent();
  await page.getByRole("button", { name: "Build", exact: true }).click();
  await expect(page.getByTestId("cache-size")).not.toHaveText(before ?? "");
}

/** On a host of the lab's Registry & hosts tab: pull one reference. */
export async function labPull(host: Locator, reference: string) {
  await host.getByLabel("Image to pull").selectOption({ label: reference });
  await host.getByRole("button", { name: "Pull" }).click();
}

/** In a running container of the lab: write the default file (a volume's), then `path` of `kb` kB. */
export async function labWrite(container: Locator, path: string, kb: number) {
  await container.getByRole("button", { name: "Write" }).click();
  await container.getByLabel("Write a file at").fill(path);
  await container.getByLabel("Size (kB)").fill(String(kb));
  await container.getByRole("button", { name: "Write" }).click();
}
