import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_PEOPLE, storageStateOf, type E2ERole } from "./auth";
import { screenshot, uniqueName } from "./helpers";

// The two-person apply: an admin marks a second sandbox-kind environment protected and makes
// themself its approver; the editor (a deployer: the sandbox is open to editors) asks for
// approval of a plan, the admin approves it in another browser, the editor applies it.

async function as(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

function designJson(cluster: string): string {
  return JSON.stringify({ schemaVersion: 1, clusters: [{ id: "cl-main", clusterName: cluster }], taskDefinitions: [], services: [], layout: {} });
}

test("an editor's apply to a protected environment waits for another person's approval of that plan", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await as(browser, "admin");
  const editor = await as(browser, "editor");
  const envName = uniqueName("Protected");

  // The admin: a protected sandbox-kind environment, and an approver grant for themself.
  await admin.goto("/environments");
  await admin.getByRole("button", { name: "New environment" }).click();
  const form = admin.getByRole("dialog", { name: "New environment" });
  await form.getByLabel("Name", { exact: true }).fill(envName);
  await form.getByLabel("Built-in sandbox").check();
  await form.getByRole("checkbox", { name: /^Protected/ }).check();
  await expect(form.getByLabel("Approvals needed")).toHaveValue("1");
  await expect(form.getByLabel("An approval counts for (minutes)")).toHaveValue("60");
  await form.getByRole("button", { name: "Create environment" }).click();
  const row = admin.getByTestId("environment").filter({ hasText: envName });
  await expect(row.getByTestId("protected-badge")).toHaveText("protected · 1 approval · 60 min");
  const grantForm = row.getByRole("form", { name: `Add a grant on ${envName}` });
  await grantForm.getByLabel("Person").selectOption({ label: `${E2E_PEOPLE.admin.name} (${E2E_PEOPLE.admin.email})` });
  await grantForm.getByLabel("Role on this environment").selectOption("approver");
  await grantForm.getByRole("button", { name: "Add grant" }).click();
  await expect(row.getByTestId("grant")).toContainText(`approver${E2E_PEOPLE.admin.name} (${E2E_PEOPLE.admin.email})`);
  await screenshot(admin, "approvals-environment-grants");

  // The editor: a design, planned against it; Apply is "Request approval" there.
  const cluster = `e2e-prot-${Date.now().toString(36)}`;
  const designName = uniqueName("Protected apply");
  await editor.goto("/");
  await editor.getByRole("button", { name: "Import" }).first().click();
  const dialog = editor.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("Text").fill(designJson(cluster));
  await dialog.getByLabel("Design name").fill(designName);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(editor).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await editor.getByRole("link", { name: "Plan & apply" }).click();
  await editor.getByLabel("Environment").selectOption({ label: `${envName} (sandbox, eu-west-1) · protected` });
  await expect(editor.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  await editor.getByRole("button", { name: "Plan", exact: true }).click();
  await expect(editor.getByTestId("plan-summary")).toContainText("1 to create");
  await editor.getByRole("button", { name: "Request approval" }).click();
  const mine = editor.getByTestId("apply-request").first();
  await expect(mine.getByTestId("request-status")).toHaveText("pending");
  await expect(mine.getByTestId("approval-count")).toHaveText("0 of 1 approval");
  // Nobody approves their own request, and it cannot be applied yet.
  await expect(mine.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(mine.getByRole("button", { name: "Apply approved plan" })).toHaveCount(0);
  await screenshot(editor, "approvals-requested");

  // The admin, in another browser: the pending list, with what the plan does; approve.
  await admin.goto("/approvals");
  const card = admin.getByTestId("apply-request").filter({ hasText: designName });
  await expect(card).toContainText(`asked by ${E2E_PEOPLE.editor.email}`);
  await card.getByText("What it does").click();
  await expect(card.getByTestId("plan-summary")).toContainText("1 to create");
  await screenshot(admin, "approvals-pending-list");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card.getByTestId("approval-count")).toHaveText("1 of 1 approval");
  await expect(card).toContainText("✓ approved by you");

  // The editor: the approved plan is applied.
  await editor.reload();
  const approved = editor.getByTestId("apply-request").first();
  await expect(approved.getByTestId("approval-count")).toHaveText("1 of 1 approval");
  await expect(approved).toContainText(`✓ approved by ${E2E_PEOPLE.admin.email}`);
  await screenshot(editor, "approvals-approved");
  await approved.getByRole("button", { name: "Apply approved plan" }).click();
  await expect(editor.getByTestId("apply-status")).toHaveText("Succeeded", { timeout: 60_000 });
  await expect(editor.getByTestId("apply-request").first().getByTestId("request-status")).toHaveText("applied");
  await screenshot(editor, "approvals-applied");
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sets a person's groups on the People page, for grants that name a group", async ({ page }) => {
    const group = `release-${Date.now().toString(36)}`;
    await page.goto("/people");
    const groups = page.getByLabel(`Groups of ${E2E_PEOPLE.viewer.name}`);
    await groups.fill(`${group}, on-call`);
    await page.getByRole("button", { name: `Save groups of ${E2E_PEOPLE.viewer.name}` }).click();
    await expect(page.getByRole("button", { name: `Save groups of ${E2E_PEOPLE.viewer.name}` })).toHaveCount(0);
    await page.reload();
    // Kept once each, sorted.
    await expect(page.getByLabel(`Groups of ${E2E_PEOPLE.viewer.name}`)).toHaveValue(`on-call, ${group}`);
    await screenshot(page, "approvals-people-groups");
  });
});
