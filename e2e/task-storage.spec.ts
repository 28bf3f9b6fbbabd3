import { expect, test } from "@playwright/test";
import { createDesign, inspectorOf, screenshot, storedDocument, uniqueName, waitSaved } from "./helpers";

// Task storage in the inspector: an EFS volume mounted through an access point trips the rule that
// asks for transit encryption, whose fix turns it on; a volume configured at launch asks the service
// for its managed EBS volume, whose fix adds one, and the missing infrastructure role is called out.

test("an EFS access point needs transit encryption; a volume configured at launch gets a managed EBS volume", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Storage"));
  await page.goto(`${url}/canvas`);
  await page.getByTestId("empty-canvas").getByRole("button", { name: "Load sample design" }).click();
  await expect(page.getByTestId("service-node")).toHaveCount(2);
  const problems = page.getByRole("region", { name: "Problems" });
  const inspector = inspectorOf(page);

  await page.getByTestId("task-definition-node").filter({ hasText: "storefront" }).getByText("Task definition", { exact: true }).click();
  await inspector.getByRole("button", { name: "Add volume" }).click();
  const volume = inspector.getByRole("group", { name: "Volume 1" });
  await volume.getByLabel("EFS file system id").fill("fs-0123456789abcdef0");
  await volume.getByLabel("EFS access point").fill("fsap-0123456789abcdef0");
  const efs = problems.locator('[data-rule="efs-volumes"]');
  await expect(efs).toHaveCount(1);
  await expect(efs).toContainText("transit encryption");
  await screenshot(page, "storage-efs-finding");
  await efs.getByRole("button", { name: /^Fix:/ }).click();
  await expect(efs).toHaveCount(0);
  await expect(volume.getByLabel("EFS transit encryption")).toHaveValue("ENABLED");

  await inspector.getByRole("button", { name: "Add volume" }).click();
  const ebsVolume = inspector.getByRole("group", { name: "Volume 2" });
  await expect(ebsVolume.getByLabel("Name")).toHaveValue("data-2");
  await ebsVolume.getByLabel("Configured at launch").check();
  const ebs = problems.locator('[data-rule="managed-ebs-volume"]');
  await expect(ebs).toHaveCount(1);
  await expect(ebs).toContainText('no volumeConfigurations entry');
  await ebs.getByRole("button", { name: /^Fix:/ }).click();
  // The added volume has no infrastructure role yet: the same rule now says ECS requires one.
  await expect(ebs).toHaveCount(1);
  await expect(ebs).toContainText("roleArn is required");
  await ebs.getByRole("button", { name: /storefront/ }).first().click();
  const role = inspector.getByRole("group", { name: "EBS volume 1" }).getByLabel("Infrastructure role ARN");
  await expect(role).toBeVisible();
  await screenshot(page, "storage-ebs-role");
  await role.fill("arn:aws:iam::111122223333:role/ecsInfrastructureRole");
  await expect(ebs).toHaveCount(0);

  await waitSaved(page);
  const doc = await storedDocument(page, url);
  expect(doc.taskDefinitions.find((t: { family: string }) => t.family === "storefront").volumes).toEqual([
    { name: "data", efsVolumeConfiguration: { fileSystemId: "fs-0123456789abcdef0", authorizationConfig: { accessPointId: "fsap-0123456789abcdef0" }, transitEncryption: "ENABLED" } },
    { name: "data-2", configuredAtLaunch: true },
  ]);
  expect(doc.services.find((s: { serviceName: string }) => s.serviceName === "storefront").volumeConfigurations).toEqual([
    { name: "data-2", managedEBSVolume: { volumeType: "gp3", sizeInGiB: 20, roleArn: "arn:aws:iam::111122223333:role/ecsInfrastructureRole" } },
  ]);
});
