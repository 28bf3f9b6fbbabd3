import { expect, test } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { createSandboxKey, screenshot } from "./helpers";

// "Run a task now" from a service's monitor page (issue 15): the dialog offers the service's
// task definition and network, a person overrides the command, runs it, and waits through
// PROVISIONING → PENDING → RUNNING → STOPPED to the container's exit code and its own lines.
// A task definition that does not exist is refused in ECS's words. ECS Exec readiness per task.

const SANDBOX_ENV = "00000000-0000-4000-8000-00000000ec50";
const EXECUTION_ROLE = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";

test("run a one-off task: override the command, wait, see the exit code and the logs; a missing task definition is an error", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const ecs = new ECSClient({ endpoint: `${baseURL}/sandbox/ecs`, region: "eu-west-1", credentials: await createSandboxKey(page), maxAttempts: 2 });
  const cluster = `run-${Date.now()}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await ecs.send(new RegisterTaskDefinitionCommand({
    family: `${cluster}-jobs`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [{
      name: "app", image: "jobs:1", essential: true, command: ["node", "server.js"],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": `/ecs/${cluster}`, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "jobs", "awslogs-create-group": "true" } },
    }],
  }));
  await ecs.send(new CreateServiceCommand({
    cluster, serviceName: "jobs", taskDefinition: `${cluster}-jobs`, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } },
  }));

  await page.goto(`/monitor/${SANDBOX_ENV}/${cluster}/jobs`);
  await expect(page.getByTestId("service-counts")).toContainText("1 running of 1 desired", { timeout: 40_000 });

  // ECS Exec readiness of the service's task: not enabled, so not ready, each item with its fix.
  await page.getByTestId("tasks").getByTestId("exec-check").first().click();
  const exec = page.getByTestId("exec-readiness");
  await expect(exec.getByTestId("exec-ready")).toHaveText("not ready");
  await expect(exec.locator('[data-item="enabled"]')).toHaveAttribute("data-ok", "false");
  await expect(exec.getByTestId("exec-command")).toContainText(`aws ecs execute-command --cluster ${cluster} --task `);
  await screenshot(page, "monitor-exec-readiness");

  // The dialog, with the service's task definition and subnets offered.
  await page.getByTestId("run-task-open").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("run-task-form")).toBeVisible();
  await expect(dialog.getByTestId("run-task-definition")).toHaveValue(`${cluster}-jobs:1`);
  await expect(dialog.getByTestId("run-task-subnets")).toHaveValue("subnet-0a1b2c3d");
  await dialog.getByTestId("run-task-command").fill("echo migrating $TARGET; sleep 2; echo 'migration failed: lock timeout'; exit 3");
  await dialog.getByTestId("run-task-env").fill("TARGET=v42");
  await screenshot(page, "monitor-run-task-form");
  await dialog.getByTestId("run-task-submit").click();

  const wait = dialog.getByTestId("run-task-wait");
  await expect(wait).toBeVisible();
  await expect(wait.getByRole("status")).toContainText("Waiting for ECS");
  await screenshot(page, "monitor-run-task-waiting");
  await expect(wait).toHaveAttribute("data-status", "STOPPED", { timeout: 60_000 });
  await expect(wait.getByTestId("run-task-exit-code")).toHaveText("3");
  await expect(wait.getByTestId("run-task-result")).toContainText("Essential container in task exited");
  await expect(wait.getByTestId("log-line").filter({ hasText: "migrating v42" })).toBeVisible({ timeout: 10_000 });
  await expect(wait.getByTestId("log-line").filter({ hasText: "migration failed: lock timeout" })).toBeVisible();
  await screenshot(page, "monitor-run-task-stopped");

  // A command that prints nothing: the dialog says no lines reached CloudWatch Logs, and can read them again.
  await wait.getByRole("button", { name: "Run another" }).click();
  await dialog.getByTestId("run-task-command").fill("true");
  await dialog.getByTestId("run-task-env").fill("");
  await dialog.getByTestId("run-task-submit").click();
  await expect(wait).toHaveAttribute("data-status", "STOPPED", { timeout: 60_000 });
  await expect(wait.getByTestId("run-task-exit-code")).toHaveText("0");
  await expect(wait.getByTestId("run-task-no-lines")).toContainText("wrote no lines to CloudWatch Logs");
  await wait.getByRole("button", { name: "Read the logs again" }).click();
  await expect(wait.getByRole("button", { name: "Read the logs again" })).toBeEnabled();
  await expect(wait.getByTestId("log-line")).toHaveCount(0);
  await screenshot(page, "monitor-run-task-empty");

  // Again, with a task definition that does not exist: ECS's refusal, the form kept.
  await wait.getByRole("button", { name: "Run another" }).click();
  await dialog.getByTestId("run-task-definition").fill("no-such-family:7");
  await dialog.getByTestId("run-task-submit").click();
  await expect(dialog.getByTestId("run-task-error")).toContainText("Unable to describe task definition", { timeout: 15_000 });
  await screenshot(page, "monitor-run-task-error");

  // Keyboard: Escape closes the dialog.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Dark theme.
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await page.getByTestId("run-task-open").click();
  await expect(dialog.getByTestId("run-task-form")).toBeVisible();
  await screenshot(page, "monitor-run-task-dark");
});
