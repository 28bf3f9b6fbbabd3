import { expect, test, type Page } from "@playwright/test";
import { createDesign, screenshot, uniqueName, waitSaved } from "./helpers";

// The design canvas: palette drag-and-drop and keyboard adds, findings as badges and in
// Problems with one-click fixes, undo/redo, and autosave that survives a reload.

const tdNode = (page: Page) => page.getByTestId("task-definition-node");
const containers = (page: Page) => page.getByTestId("container-node");

test("build a task on the canvas, fix a Fargate size error, undo/redo, autosave and reload", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Canvas"));
  await page.goto(`${url}/canvas`);
  await expect(page.getByTestId("designer")).toBeVisible();
  await expect(page.getByRole("link", { name: "← Design" })).toHaveAttribute("href", new URL(url).pathname);

  // Drag a task definition from the palette onto the canvas: it comes with one container.
  const flow = page.getByTestId("designer-flow");
  await page.getByTestId("palette-taskDefinition").dragTo(flow, { targetPosition: { x: 360, y: 220 } });
  await expect(tdNode(page)).toHaveCount(1);
  await expect(tdNode(page)).toContainText("web");
  await expect(containers(page)).toHaveCount(1);

  // Drag a container into the task definition (onto its lower part, below the header).
  const box = (await tdNode(page).boundingBox())!;
  await page.getByTestId("palette-container").dragTo(tdNode(page), { targetPosition: { x: box.width - 60, y: box.height - 20 } });
  await expect(containers(page)).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Problems" }).getByTestId("finding")).toHaveCount(0);

  // Keyboard only: the new container is selected, so Enter on the palette's Container adds into its task.
  await page.getByTestId("palette-container").focus();
  await page.keyboard.press("Enter");
  await expect(containers(page)).toHaveCount(3);
  await expect(containers(page).filter({ hasText: "web-3" })).toHaveCount(1);
  await screenshot(page, "designer-containers");

  // An invalid Fargate size: a badge on the task definition and a finding in Problems.
  await tdNode(page).getByText("Task definition", { exact: true }).click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByLabel("Family")).toHaveValue("web");
  await inspector.getByLabel("Task memory (MiB)").fill("4096");
  const errorBadge = tdNode(page).getByLabel(/\d+ errors? on web$/);
  await expect(errorBadge).toBeVisible();
  const problems = page.getByRole("region", { name: "Problems" });
  const sizeFinding = problems.locator('[data-rule="fargate-task-size"]');
  await expect(sizeFinding).toHaveCount(1);
  await screenshot(page, "designer-fargate-error");

  // The quick fix removes both.
  await sizeFinding.getByRole("button", { name: /^Fix:/ }).click();
  await expect(sizeFinding).toHaveCount(0);
  await expect(errorBadge).toHaveCount(0);
  await expect(inspector.getByLabel("Task memory (MiB)")).toHaveValue("2048");

  // Undo brings the error back, redo applies the fix again (keyboard, focus on the canvas).
  await page.getByRole("button", { name: "Zoom to fit" }).focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(sizeFinding).toHaveCount(1);
  await expect(errorBadge).toBeVisible();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(sizeFinding).toHaveCount(0);
  await expect(errorBadge).toHaveCount(0);

  // Autosave, then a reload shows the same design.
  await waitSaved(page);
  await screenshot(page, "designer-saved");
  const id = new URL(url).pathname.split("/").pop();
  const stored = await (await page.request.get(`/api/designs/${id}`)).json();
  const td = stored.document.taskDefinitions[0];
  expect(td).toMatchObject({ family: "web", cpu: "256", memory: "2048", requiresCompatibilities: ["FARGATE"] });
  expect(td.containerDefinitions.map((c: { name: string }) => c.name)).toEqual(["web", "web-2", "web-3"]);
  expect(Object.keys(stored.document.layout)).toHaveLength(4);

  await page.reload();
  await expect(tdNode(page)).toHaveCount(1);
  await expect(containers(page)).toHaveCount(3);
  await expect(tdNode(page)).toContainText("0.25 vCPU · 2 GB");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await screenshot(page, "designer-reloaded");

  // Dragging a node moves it in the saved layout (one save on drop, not per mouse move).
  const before = (await (await page.request.get(`/api/designs/${id}`)).json()).document.layout;
  const header = tdNode(page).getByText("Task definition", { exact: true });
  const hb = (await header.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(hb.x + hb.width / 2 + 160, hb.y + hb.height / 2 + 40, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId("save-status")).not.toHaveAttribute("data-status", "saved");
  await waitSaved(page);
  const after = (await (await page.request.get(`/api/designs/${id}`)).json()).document.layout;
  const tdId = stored.document.taskDefinitions[0].id;
  expect(after[tdId].x).toBeGreaterThan(before[tdId].x + 100);
  expect(after[`${tdId}/web`]).toEqual(before[`${tdId}/web`]);
});

test("an unknown design has no canvas", async ({ page }) => {
  const res = await page.goto("/designs/00000000-0000-4000-8000-000000000000/canvas");
  expect(res?.status()).toBe(404);
});

test("cluster and service by keyboard, connect, auto-layout, duplicate, delete, and a save conflict", async ({ page, browser }) => {
  const url = await createDesign(page, uniqueName("Canvas services"));
  await page.goto(`${url}/canvas`);
  await expect(page.getByTestId("designer")).toBeVisible();

  // Keyboard: a cluster, then a service (it goes into the selected cluster), then a task definition.
  await page.getByTestId("palette-cluster").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cluster-node")).toHaveCount(1);
  await page.getByTestId("palette-service").focus();
  await page.keyboard.press("Enter");
  const service = page.getByTestId("service-node");
  await expect(service).toHaveCount(1);
  await expect(page.getByTestId("cluster-node")).toContainText("1 service");
  await page.getByTestId("palette-taskDefinition").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("task-definition-node")).toHaveCount(1);

  // Point the service at the task definition from the inspector: an edge appears.
  await service.click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await inspector.getByLabel("Task definition", { exact: true }).selectOption("web");
  await expect(service).toContainText("runs web");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect(page.getByRole("button", { name: "Auto-layout" })).toBeEnabled();
  await screenshot(page, "designer-auto-layout");

  // Duplicate and delete the service from the keyboard.
  await service.first().click();
  await page.keyboard.press("ControlOrMeta+d");
  await expect(service).toHaveCount(2);
  await page.keyboard.press("Delete");
  await expect(service).toHaveCount(1);
  await waitSaved(page);

  // Another tab saves first: this tab's next save is refused and nothing is overwritten.
  const other = await browser.newPage();
  await other.goto(`${url}/canvas`);
  await other.getByTestId("service-node").click();
  await other.getByRole("complementary", { name: "Inspector" }).getByLabel("Desired count", { exact: true }).fill("3");
  await expect(other.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  await expect(other.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  await other.close();

  await service.click();
  await inspector.getByLabel("Desired count", { exact: true }).fill("5");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "conflict", { timeout: 15_000 });
  await expect(page.getByRole("alert").filter({ hasText: "changed elsewhere" })).toBeVisible();
  await screenshot(page, "designer-conflict");
  const id = new URL(url).pathname.split("/").pop();
  const stored = await (await page.request.get(`/api/designs/${id}`)).json();
  expect(stored.document.services[0].desiredCount).toBe(3);

  // Save a copy: a new design with this tab's edits.
  await page.getByRole("button", { name: "Save my edits as a copy" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}\/canvas$/);
  await expect(page).not.toHaveURL(new RegExp(id!));
  await expect(page.getByTestId("service-node")).toContainText("× 5 desired");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});
