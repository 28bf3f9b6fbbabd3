"use server";

import type { z } from "zod";
import {
  continueServiceDeployment, forceNewDeployment, rollBackServiceDeployment, runTask, setDesiredCount, setSimulatedLoad,
  ContinueDeploymentInputSchema, RollbackDeploymentInputSchema, RunTaskInputSchema, ServiceRefSchema, SetDesiredCountInputSchema, SetSimulatedLoadInputSchema,
  type RunTaskResult,
} from "@/lib/server/monitor";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

// What an on-call engineer does from a service's monitor page. Each needs the deployer grant on
// the environment (the table: `environment: "apply"`), is zod-parsed, and goes on the audit trail
// under the environment.

const onEnv = { environment: (i: { envId: string }) => i.envId };

export async function continueServiceDeploymentAction(input: z.input<typeof ContinueDeploymentInputSchema>): Promise<ActionResult<{ serviceDeploymentArn: string }>> {
  return runAction("continueServiceDeploymentAction", ContinueDeploymentInputSchema, input, continueServiceDeployment, onEnv);
}

export async function rollBackServiceDeploymentAction(input: z.input<typeof RollbackDeploymentInputSchema>): Promise<ActionResult<{ serviceDeploymentArn: string }>> {
  return runAction("rollBackServiceDeploymentAction", RollbackDeploymentInputSchema, input, rollBackServiceDeployment, onEnv);
}

export async function forceNewDeploymentAction(input: z.input<typeof ServiceRefSchema>): Promise<ActionResult<{ serviceArn: string }>> {
  return runAction("forceNewDeploymentAction", ServiceRefSchema, input, forceNewDeployment, onEnv);
}

export async function setDesiredCountAction(input: z.input<typeof SetDesiredCountInputSchema>): Promise<ActionResult<{ serviceArn: string; desiredCount: number }>> {
  return runAction("setDesiredCountAction", SetDesiredCountInputSchema, input, setDesiredCount, onEnv);
}

/** The sandbox's simulated load on a service (an editor's, as the sandbox's control API; refused for an AWS environment). */
export async function setSimulatedLoadAction(input: z.input<typeof SetSimulatedLoadInputSchema>): Promise<ActionResult<{ service: string; shape: z.infer<typeof SetSimulatedLoadInputSchema>["shape"] }>> {
  return runAction("setSimulatedLoadAction", SetSimulatedLoadInputSchema, input, setSimulatedLoad, onEnv);
}

/** Runs a one-off task now (RunTask): the deployer grant, like the service changes; audited under the environment. */
export async function runTaskAction(input: z.input<typeof RunTaskInputSchema>): Promise<ActionResult<RunTaskResult>> {
  return runAction("runTaskAction", RunTaskInputSchema, input, runTask, onEnv);
}
