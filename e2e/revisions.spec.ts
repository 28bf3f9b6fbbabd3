import { expect, test, type Page } from "@playwright/test";
import { openSampleCanvas, screenshot, uniqueName, waitSaved } from "./helpers";

// Revisions: every save keeps the version it replaces; an earlier version can be previewed (its
// resources and what changed since) before it is restored as a new version.

async function stored(page: Page, url: string) {
  const id = new URL(url).pathname.split("/")[2];
  return (await (await page.request.get(`/api/designs/${id}`)).json()) as { version: number; document: { clusters: { clusterName: string }[]; taskDefinitions: { family: string; memory?: string }[] } };
}

test("preview an earlier revision's diff, then restore it", async ({ page }) => {
  // First save through the canvas: the sample design.
  const url = await openSampleCanvas(page, uniqueName("Revisions"));
  await waitSaved(page);
  const sampleVersion = (await stored(page, url)).version;

  // Second save: a new cluster and a bigger storefront task.
  await page.getByTestId("palette-cluster").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cluster-node")).toHaveCount(2);
  await waitSaved(page);
  await page.getByLabel("Task definition storefront", { exact: true }).getByText("Task definition", { exact: true }).click();
  const inspector = page.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByLabel("Family")).toHaveValue("storefront");
  await inspector.getByLabel("Task memory (MiB)").fill("2048");
  await waitSaved(page);
  const after = await stored(page, url);
  expect(after.version).toBeGreaterThan(sampleVersion);
  const newCluster = after.document.clusters.map((c) => c.clusterName).find((n) => n !== "shop")!;
  expect(after.document.taskDefinitions.find((t) => t.family === "storefront")!.memory).toBe("2048");

  // The design page: preview the sample version.
  await page.goto(url);
  const revisions = page.locator("section[aria-labelledby='revisions-title']");
  const preview = revisions.getByRole("button", { name: `Preview version ${sampleVersion}`, exact: true });
  await preview.click();
  await expect(preview).toHaveAttribute("aria-expanded", "true");
  const panel = revisions.getByTestId("revision-preview");
  await expect(panel.getByTestId("revision-resource").filter({ hasText: /^Cluster shop$/ })).toHaveCount(1);
  await expect(panel.getByTestId("revision-resource").filter({ hasText: `Cluster ${newCluster}` })).toHaveCount(0);
  const diff = panel.getByTestId("revision-diff");
  await expect(diff.getByTestId("diff-added")).toHaveCount(1);
  await expect(diff.getByTestId("diff-added")).toContainText(`Added cluster ${newCluster}`);
  await expect(diff.getByTestId("diff-removed")).toHaveCount(0);
  await expect(diff.getByTestId("diff-changed")).toHaveCount(1);
  await expect(diff.getByTestId("diff-changed")).toContainText("Changed task definition storefront");
  await expect(diff.getByTestId("diff-changed").locator("code")).toHaveText(["memory"]);
  await screenshot(page, "revision-preview");

  // Restore it: a new version with the sample's content.
  await revisions.getByRole("button", { name: `Restore version ${sampleVersion}`, exact: true }).click();
  await expect(page.getByText(`Restored version ${sampleVersion} as a new version.`)).toBeVisible();
  const restored = await stored(page, url);
  expect(restored.version).toBeGreaterThan(after.version);
  expect(restored.document.clusters.map((c) => c.clusterName)).toEqual(["shop"]);
  expect(restored.document.taskDefinitions.find((t) => t.family === "storefront")!.memory).toBe("1024");

  // The restored content on the page and on the canvas.
  await page.reload();
  await expect(page.locator("section[aria-labelledby='resources-title']")).not.toContainText(newCluster);
  await page.goto(`${url}/canvas`);
  await expect(page.getByTestId("cluster-node")).toHaveCount(1);
  await page.getByLabel("Task definition storefront", { exact: true }).getByText("Task definition", { exact: true }).click();
  await expect(inspector.getByLabel("Task memory (MiB)")).toHaveValue("1024");
});
