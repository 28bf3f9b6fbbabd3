import { expect, test, type Locator, type Page } from "@playwright/test";
import { openSampleCanvas, screenshot, storedDocument, uniqueName, waitSaved } from "./helpers";

// Drag to nest: a container dragged out of its task definition into another one moves there, a
// service dragged into another cluster moves there; each move is one undo step and is saved.

const td = (page: Page, name: string) => page.getByLabel(`Task definition ${name}`, { exact: true });
const cluster = (page: Page, name: string) => page.getByLabel(`Cluster ${name}`, { exact: true });

/** Drags `node` by its middle so that its centre ends at (x, y); checks the drop target is highlighted first. */
async function dragCentreTo(page: Page, node: Locator, x: number, y: number) {
  const b = (await node.boundingBox())!;
  const sx = b.x + b.width / 2;
  const sy = b.y + b.height / 2;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await page.mouse.move(sx + 10, sy + 10, { steps: 3 });
  await page.mouse.move(x, y, { steps: 12 });
  await expect(page.locator(".react-flow__node.drop-target")).toHaveCount(1);
  await page.mouse.up();
  await expect(page.locator(".react-flow__node.drop-target")).toHaveCount(0);
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

// The canvas's pan and zoom, as React Flow writes them on its viewport: `translate(x, y) scale(z)`.
const viewportTransform = (page: Page) =>
  page.getByTestId("designer-flow").locator(".react-flow__viewport").evaluate((e) => (e as HTMLElement).style.transform);
async function zoomOf(page: Page): Promise<number> {
  return Number(/scale\(([^)]+)\)/.exec(await viewportTransform(page))?.[1] ?? NaN);
}

/** Waits until the canvas stops moving (fitView animates): two looks 100 ms apart see the same viewport. */
async function viewportAtRest(page: Page) {
  let last: string | undefined;
  await expect.poll(async () => {
    const now = await viewportTransform(page);
    const still = now === last;
    last = now;
    return still;
  }, { message: "the canvas stops moving", intervals: [100] }).toBe(true);
}

/** Clicks Zoom Out and waits until the canvas is drawn at the smaller zoom. */
async function zoomOut(page: Page) {
  const before = await zoomOf(page);
  await page.getByRole("button", { name: "Zoom Out" }).click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(before);
}

test("drag a container into another task definition and a service into another cluster", async ({ page }) => {
  const url = await openSampleCanvas(page, uniqueName("Nesting"));
  await waitSaved(page);

  // Container "web" of storefront → orders-api (node ids are `${taskDefinitionId}/${name}`).
  await expect(node(page, "td-storefront/web")).toBeVisible();
  const target = (await td(page, "orders-api").boundingBox())!;
  await dragCentreTo(page, node(page, "td-storefront/web"), target.x + target.width / 2, target.y + target.height * 0.7);
  await expect(node(page, "td-orders-api/web")).toBeVisible();
  await expect(node(page, "td-storefront/web")).toHaveCount(0);
  await screenshot(page, "designer-nest-container");

  // One undo step puts it back, redo moves it again.
  await page.getByRole("button", { name: "Zoom to fit" }).focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(node(page, "td-storefront/web")).toBeVisible();
  await expect(node(page, "td-orders-api/web")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(node(page, "td-orders-api/web")).toBeVisible();

  // A second cluster (keyboard add), then service "orders" of shop → it.
  await page.getByTestId("palette-cluster").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cluster-node")).toHaveCount(2);
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  const otherName = (await page.getByTestId("cluster-node").evaluateAll((els) =>
    els.map((e) => e.getAttribute("aria-label")!.replace(/^Cluster /, "")).find((n) => n !== "shop")))!;
  await viewportAtRest(page);
  const ob = (await cluster(page, otherName).boundingBox())!;
  await dragCentreTo(page, node(page, "svc-orders-api"), ob.x + ob.width / 2, ob.y + ob.height * 0.7);

  // Saved: the stored design has both moves, and a reload shows them.
  await waitSaved(page);
  const doc = await storedDocument(page, url);
  const orders = doc.taskDefinitions.find((t: { id: string }) => t.id === "td-orders-api");
  expect(orders.containerDefinitions.map((c: { name: string }) => c.name)).toEqual(["api", "web"]);
  expect(doc.services.find((s: { id: string }) => s.id === "svc-orders-api").cluster).toBe(otherName);
  await page.reload();
  await expect(node(page, "td-orders-api/web")).toBeVisible();
  await expect(node(page, "td-storefront/web")).toHaveCount(0);
  const svcBox = (await node(page, "svc-orders-api").boundingBox())!;
  const clBox = (await cluster(page, otherName).boundingBox())!;
  expect(svcBox.x).toBeGreaterThan(clBox.x);
  expect(svcBox.y).toBeGreaterThan(clBox.y);
  expect(svcBox.x + svcBox.width).toBeLessThan(clBox.x + clBox.width);
  expect(svcBox.y + svcBox.height).toBeLessThan(clBox.y + clBox.height);
  await screenshot(page, "designer-nest-service");
});

test("a container dropped on empty canvas gets its own task definition", async ({ page }) => {
  const url = await openSampleCanvas(page, uniqueName("Nesting new task"));
  await expect(page.getByTestId("task-definition-node")).toHaveCount(2);
  await waitSaved(page);
  // Zoom out so that there is empty canvas around the design.
  await zoomOut(page);
  await zoomOut(page);
  const flow = (await page.getByTestId("designer-flow").boundingBox())!;
  const b = (await node(page, "td-storefront/web").boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 - 10, b.y + b.height / 2 + 10, { steps: 3 });
  await page.mouse.move(flow.x + 90, flow.y + 60, { steps: 12 });
  await expect(page.locator(".react-flow__node.drop-target")).toHaveCount(0);
  await page.mouse.up();
  await expect(page.getByTestId("task-definition-node")).toHaveCount(3);
  await expect(td(page, "web")).toBeVisible();
  await expect(node(page, "td-storefront/web")).toHaveCount(0);
  await waitSaved(page);
  const doc = await storedDocument(page, url);
  const made = doc.taskDefinitions.find((t: { family: string }) => t.family === "web");
  expect(made.containerDefinitions.map((c: { name: string }) => c.name)).toEqual(["web"]);
});

test("zoomed far out, cards lose their shadows and detail, and keep their names", async ({ page }) => {
  await openSampleCanvas(page, uniqueName("Nesting zoom"));
  const flow = page.getByTestId("designer-flow");
  // The sample is fitted into view (its load balancer, target group, cluster and task definitions): near or mid, never far.
  await expect(flow).not.toHaveAttribute("data-zoom", "far");
  const storefront = page.getByLabel("Service storefront", { exact: true });
  await expect(storefront.getByText("FARGATE", { exact: true })).toBeVisible();
  // Group fills are opaque (no per-frame blending of translucent groups).
  const fill = await page.getByTestId("cluster-node").evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(fill).not.toMatch(/rgba|\/ 0\./);
  for (let i = 0; i < 6 && (await flow.getAttribute("data-zoom")) !== "far"; i++) await zoomOut(page);
  await expect(flow).toHaveAttribute("data-zoom", "far");
  await expect(storefront.getByText("storefront", { exact: true })).toBeVisible();
  await expect(storefront.getByText("FARGATE", { exact: true })).toHaveCount(0);
  await expect(storefront.getByText(/^runs /)).toHaveCount(0);
  await expect(page.getByLabel("Container web", { exact: true }).getByText(/nginx/)).toHaveCount(0);
  expect(await storefront.evaluate((e) => getComputedStyle(e).boxShadow)).toBe("none");
  await expect(page.getByRole("meter")).toHaveCount(0);
  // Edge labels go too (a couple of pixels high out there); the edges stay.
  await expect(page.locator(".react-flow__edge").filter({ hasText: "runs" })).toHaveCount(0);
  await expect(page.locator(".react-flow__edge").first()).toBeAttached();
  await screenshot(page, "designer-zoomed-out");
  await page.getByRole("button", { name: "Zoom In" }).click();
  await page.getByRole("button", { name: "Zoom In" }).click();
  await page.getByRole("button", { name: "Zoom In" }).click();
  await expect(flow).not.toHaveAttribute("data-zoom", "far");
  await expect(storefront.getByText("FARGATE", { exact: true })).toBeVisible();
  await expect(page.locator(".react-flow__edge").filter({ hasText: "runs" }).first()).toBeVisible();
});
