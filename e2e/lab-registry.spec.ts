import { expect, test } from "@playwright/test";
import { labPull, labWrite, screenshot } from "./helpers";

// The registry & hosts lab, as a learner uses it: push two versions of one app (only the
// changed layer travels), move latest, pin the old version by digest, pull onto two hosts
// (shared layers are downloaded once per host), lose a file with a replaced container but keep
// one on a volume, and meet ECR's tag immutability. Then the VMs vs containers page.

test("push two versions, move a tag, pull on two hosts, and count the bytes", async ({ page }) => {
  await page.goto("/learn/lab/registry");
  await expect(page.getByRole("heading", { level: 1, name: "Registry & hosts" })).toBeVisible();
  await expect(page.getByText("No repositories yet. Push an image above to create one.")).toBeVisible();
  await expect(page.getByText("Nothing to pull yet: push an image to the registry first.")).toHaveCount(2);
  await screenshot(page, "lab-registry-empty");

  // Version 1 as latest: every layer is uploaded.
  await page.getByLabel("Image", { exact: true }).selectOption({ label: "Sample: shop/web, version 1" });
  await page.getByRole("button", { name: "Push" }).click();
  const pushLog = page.getByRole("log", { name: "Push output" });
  await expect(pushLog).toContainText("The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web]");
  await expect(pushLog).toContainText("9c0d9c0d9c0d: Pushed");
  await expect(page.getByText("Uploaded 98.86 MB; 0 of 7 layers were already in the repository")).toBeVisible();

  // Version 2 as latest: only the changed top layer travels, and latest moves.
  await page.getByLabel("Image", { exact: true }).selectOption({ label: "Sample: shop/web, version 2 (one source file changed)" });
  await page.getByRole("button", { name: "Push" }).click();
  await expect(pushLog).toContainText("e1f2e1f2e1f2: Pushed");
  await expect(pushLog).toContainText("8740c948ffd4: Layer already exists");
  await expect(page.getByText(/Uploaded 1\.25 MB; 6 of 7 layers were already in the repository \(97\.66 MB not sent\)\. The tag “latest” moved from sha256:c0ffee01c0ff/)).toBeVisible();
  const repo = page.getByRole("article", { name: /shop\/web$/ });
  await expect(repo.getByText("untagged (by digest only)")).toBeVisible();

  // Pin the old version: tag it v1 by its digest.
  await repo.getByLabel("Tag for sha256:c0ffee01c0ff…").fill("v1");
  await repo.getByLabel("Tag for sha256:c0ffee01c0ff…").press("Enter");
  await expect(repo.getByText("Tagged sha256:c0ffee01c0ff… as “v1”.")).toBeVisible();
  await expect(repo.getByText("untagged (by digest only)")).toHaveCount(0);
  await screenshot(page, "lab-registry-tags");

  // host-a: latest (v2) downloads everything, then v1 only its own top layer.
  const hostA = page.getByRole("article", { name: "host-a" });
  await labPull(hostA, "shop/web:latest");
  await expect(hostA.getByText("Downloaded 98.91 MB; 0 layers were already on host-a.")).toBeVisible();
  await labPull(hostA, "shop/web:v1");
  const pullLog = hostA.getByRole("log", { name: "Pull output on host-a" });
  await expect(pullLog).toContainText("7a8b7a8b7a8b: Already exists");
  await expect(pullLog).toContainText("9c0d9c0d9c0d: Pull complete");
  await expect(hostA.getByText("Downloaded 1.20 MB; 6 layers were already on host-a.")).toBeVisible();
  await expect(hostA.getByText("Disk used: 100.11 MB")).toBeVisible();

  // host-b has its own store: it downloads the base again, once.
  const hostB = page.getByRole("article", { name: "host-b" });
  await labPull(hostB, "shop/web:v1");
  await expect(hostB.getByText("Downloaded 98.86 MB; 0 layers were already on host-b.")).toBeVisible();

  // A container's writable layer dies with it; the volume's files stay.
  await hostA.getByRole("button", { name: "Run" }).click();
  await expect(hostA.getByText(/Started web from sha256:c0ffee02c0ff…, volume “data” at \/app\/data\./)).toBeVisible();
  const web = hostA.getByRole("group", { name: "Container web" });
  await labWrite(web, "/tmp/cache.bin", 500);
  await expect(web.getByText("/tmp/cache.bin 500.0 kB · writable layer")).toBeVisible();
  await expect(web.getByText("/app/data/upload-1.png 200.0 kB · volume data")).toBeVisible();
  await web.getByRole("button", { name: "Replace container" }).click();
  await expect(hostA.getByText("Replaced web. Lost with the old writable layer: /tmp/cache.bin. Kept on the volume: /app/data/upload-1.png.")).toBeVisible();
  await expect(web.getByText("/tmp/cache.bin")).toHaveCount(0);
  await expect(web.getByText("/app/data/upload-1.png 200.0 kB · volume data")).toBeVisible();
  await screenshot(page, "lab-registry-hosts");

  // Tag immutability: ECR refuses to overwrite latest, after the layers went up.
  await repo.getByLabel("Tag mutability").selectOption("IMMUTABLE");
  await page.getByLabel("Image", { exact: true }).selectOption({ label: "Sample: shop/web, version 1" });
  await page.getByRole("button", { name: "Push" }).click();
  await expect(pushLog).toContainText("tag invalid: The image tag 'latest' already exists in the 'shop/web' repository and cannot be overwritten because the repository is immutable.");
  await expect(page.getByText(/the registry refused the manifest: the tag still points where it did/)).toBeVisible();
  await pushLog.scrollIntoViewIfNeeded();
  await screenshot(page, "lab-registry-immutable");

  // The lab is kept in this browser: after a reload the immutable repository is still there.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(repo.getByLabel("Tag mutability")).toHaveValue("IMMUTABLE");
  await page.getByLabel("Image", { exact: true }).selectOption({ label: "Sample: shop/worker (same base)" });
  await page.getByLabel("Repository").fill("shop/worker");
  await page.getByRole("button", { name: "Push" }).click();
  await expect(pushLog).toContainText("Pushed");
  await page.screenshot({ path: "test-results/screenshots/lab-registry-dark.png" });
});

test("VMs vs containers: the same three apps, with bars and sources", async ({ page }) => {
  await page.goto("/learn/lab/vms");
  await expect(page.getByRole("heading", { level: 1, name: "VMs vs containers" })).toBeVisible();
  await expect(page.getByRole("img", { name: "As VMs: 3.23 GB" })).toBeVisible();
  await expect(page.getByRole("img", { name: "As containers: 240 MB" })).toBeVisible();
  await page.getByLabel("web (Node.js) memory in MB").fill("520");
  await expect(page.getByRole("img", { name: "As containers: 640 MB" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Ubuntu Server documentation/ })).toHaveAttribute("href", /documentation\.ubuntu\.com/);
  await screenshot(page, "lab-vms");
});
