import { expect, test, type Page } from "@playwright/test";
import { createDesign, screenshot, uniqueName } from "./helpers";

// Every kind can be dragged from the palette, and arrow keys move the selected node — a move
// that is stored like a mouse drag.

async function storedLayout(page: Page, url: string) {
  const id = new URL(url).pathname.split("/")[2];
  return (await (await page.request.get(`/api/designs/${id}`)).json()).document as {
    layout: Record<string, { x: number; y: number }>;
    clusters: { id: string }[];
  };
}

test("drag a cluster, a service into it and a load balancer from the palette; move the cluster with arrow keys", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Palette"));
  await page.goto(`${url}/canvas`);
  const flow = page.getByTestId("designer-flow");

  await page.getByTestId("palette-cluster").dragTo(flow, { targetPosition: { x: 260, y: 220 } });
  const cluster = page.getByTestId("cluster-node");
  await expect(cluster).toHaveCount(1);
  const box = (await cluster.boundingBox())!;
  const flowBox = (await flow.boundingBox())!;
  // Into the cluster: the drop point is inside its box.
  await page.getByTestId("palette-service").dragTo(flow, {
    targetPosition: { x: box.x - flowBox.x + box.width / 2, y: box.y - flowBox.y + box.height - 30 },
  });
  await expect(page.getByTestId("service-node")).toHaveCount(1);
  await page.getByTestId("palette-targetGroup").dragTo(flow, { targetPosition: { x: flowBox.width - 200, y: 120 } });
  await expect(page.getByTestId("target-group-node")).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });

  const before = await storedLayout(page, url);
  const clusterId = before.clusters[0].id;
  expect(before.layout[clusterId]).toBeDefined();

  // Select the cluster by its label and move it right with the keyboard.
  await cluster.getByText("Cluster", { exact: true }).click();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
  await expect.poll(async () => (await storedLayout(page, url)).layout[clusterId].x).toBeGreaterThan(before.layout[clusterId].x);
  expect((await storedLayout(page, url)).layout[clusterId].y).toBe(before.layout[clusterId].y);
  await screenshot(page, "designer-palette-keys");
});
