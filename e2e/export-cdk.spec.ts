import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { openSampleCanvas, screenshot, uniqueName } from "./helpers";

// Issue 16: the canvas's Export menu writes the design as a CDK app (TypeScript, aws-cdk-lib L1
// constructs), downloaded as one zip of its folder.

test("Export menu downloads the design as a CDK app in a zip", async ({ page }) => {
  const name = uniqueName("Export CDK");
  await openSampleCanvas(page, name);

  await page.getByRole("button", { name: "Export ▾" }).click();
  const item = page.getByRole("menuitem", { name: /CDK app \(zip\)/ });
  await expect(item).toBeVisible();
  await expect(item).toContainText("synthesises the same template");
  await screenshot(page, "export-menu-cdk");
  const [download] = await Promise.all([page.waitForEvent("download"), item.click()]);
  expect(download.suggestedFilename()).toMatch(/^export-cdk-.*-cdk\.zip$/);
  const zip = (await download.path())!;
  const folder = download.suggestedFilename().replace(/\.zip$/, "");
  const listed = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" });
  expect(listed.status).toBe(0);
  const entries = listed.stdout.trim().split("\n");
  expect(entries).toContain(`${folder}/bin/app.ts`);
  expect(entries).toContain(`${folder}/package.json`);
  expect(entries).toContain(`${folder}/cdk.json`);
  expect(entries).toContain(`${folder}/tsconfig.json`);
  const stackFile = entries.find((e) => /\/lib\/.+-stack\.ts$/.test(e))!;
  const stack = spawnSync("unzip", ["-p", zip, stackFile], { encoding: "utf8" }).stdout;
  expect(stack).toContain('new CfnService(this, "StorefrontService", {');
  expect(stack).toContain("cluster: shopCluster.ref,");
  expect(stack).toContain("storefrontService.addResourceDependency(storefrontAlb80Listener);");
  const pkg = JSON.parse(spawnSync("unzip", ["-p", zip, `${folder}/package.json`], { encoding: "utf8" }).stdout);
  expect(Object.keys(pkg.dependencies)).toEqual(["aws-cdk-lib", "constructs"]);
  await expect(page.getByRole("menu", { name: "Export" })).toBeHidden();
});
