import { expect, test } from "@playwright/test";
import { storageStateOf } from "./auth";
import { createDesign, designRow, screenshot, uniqueName } from "./helpers";

// A viewer reads designs, the monitor and Learn, and changes nothing: the pages offer no editing,
// and an edit made anyway (on the canvas, which has no read-only mode) is refused by the server
// with the reason, so the stored design stays as it was.

test.use({ storageState: storageStateOf("viewer") });

test("a viewer can read a design but not change it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // An editor makes the design.
  const editor = await browser.newContext({ storageState: storageStateOf("editor") });
  const name = uniqueName("Viewer reads");
  const url = await createDesign(await editor.newPage(), name, "made by an editor");
  await editor.close();
  const id = url.split("/").pop()!;

  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toContainText("viewer");
  await expect(designRow(page, name)).toBeVisible();
  await expect(page.getByRole("button", { name: "New design" })).toHaveCount(0);
  await expect(designRow(page, name).getByRole("button", { name: /Rename|Delete/ })).toHaveCount(0);
  // People is for admins: not in the menu, and the page itself answers 403.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" })).toHaveCount(0);
  const people = await page.goto("/people");
  expect(people?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  await expect(page.getByText("(you are a viewer)")).toBeVisible();

  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Plan & apply" })).toHaveCount(0);
  await screenshot(page, "viewer-design");

  // On the canvas the edit happens in the browser; saving it is refused.
  await page.goto(`${url}/canvas`);
  await page.getByTestId("palette-cluster").dragTo(page.getByTestId("designer-flow"), { targetPosition: { x: 300, y: 200 } });
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-status", "error", { timeout: 15_000 });
  await expect(status).toHaveAttribute("title", "Changing designs needs the editor role; you are a viewer. Ask an admin to change your role.");
  await screenshot(page, "viewer-canvas-refused");

  const stored = await (await page.request.get(`/api/designs/${id}`)).json();
  expect(stored).toMatchObject({ version: 1, document: { clusters: [] } });
});
