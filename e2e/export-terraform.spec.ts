import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createDesign, openSampleCanvas, screenshot, uniqueName } from "./helpers";

// Issue 16: the canvas's Export menu writes the design as Terraform (one main.tf) and as a
// CloudFormation template, with references between the resources and what could not be said.

test("Export menu downloads the design as Terraform main.tf and a CloudFormation template", async ({ page }) => {
  await openSampleCanvas(page, uniqueName("Export Terraform"));

  await page.getByRole("button", { name: "Export ▾" }).click();
  await expect(page.getByRole("menuitem", { name: /Terraform \(main\.tf\)/ })).toBeVisible();
  await screenshot(page, "export-menu-terraform");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /Terraform \(main\.tf\)/ }).click()]);
  expect(download.suggestedFilename()).toBe("main.tf");
  const tf = await readFile((await download.path())!, "utf8");
  expect(tf).toContain('source  = "hashicorp/aws"');
  expect(tf).toContain('resource "aws_ecs_cluster" "shop"');
  expect(tf).toContain('resource "aws_ecs_service" "storefront"');
  expect(tf).toContain("cluster = aws_ecs_cluster.shop.arn");
  expect(tf).toContain("task_definition = aws_ecs_task_definition.storefront.arn");
  expect(tf).toContain("target_group_arn = aws_lb_target_group.storefront_tg.arn");
  expect(tf).toContain("container_definitions = jsonencode([");
  expect(tf).toContain('variable "storefront_subnets"');

  await page.getByRole("button", { name: "Export ▾" }).click();
  const [cfn] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /CloudFormation \(JSON\)/ }).click()]);
  expect(cfn.suggestedFilename()).toMatch(/\.template\.json$/);
  const template = JSON.parse(await readFile((await cfn.path())!, "utf8"));
  expect(template.Resources.StorefrontService.Properties.Cluster).toEqual({ Ref: "ShopCluster" });
  expect(template.Resources.StorefrontService.DependsOn).toEqual(["StorefrontAlb80Listener"]);
});

test("the Export menu of an empty design says its infrastructure files deploy nothing, and so does the file", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Empty export menu"));
  await page.goto(`${url}/canvas`);
  await expect(page.getByTestId("empty-canvas")).toBeVisible();
  await page.getByRole("button", { name: "Export ▾" }).click();
  const terraform = page.getByRole("menuitem", { name: /Terraform \(main\.tf\)/ });
  await expect(terraform).toContainText("no resources yet: deploys nothing");
  await screenshot(page, "export-menu-empty-design");
  const [nothing] = await Promise.all([page.waitForEvent("download"), terraform.click()]);
  expect(await readFile((await nothing.path())!, "utf8")).toContain("this export deploys nothing");
});

test("the design page of an empty design says its infrastructure export deploys nothing", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Empty export"));
  await page.goto(url);
  await expect(page.getByTestId("export-deploys-nothing")).toContainText("this export deploys nothing");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CloudFormation (JSON)" }).click()]);
  const template = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(template.Metadata.Stevedore.DeploysNothing).toContain("CloudFormation refuses a template without resources");
  await screenshot(page, "design-page-empty-export");
});
