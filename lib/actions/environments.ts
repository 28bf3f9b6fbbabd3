"use server";

import { z } from "zod";
import {
  createEnvironment, deleteEnvironment, listEnvironments, testConnection, updateEnvironment,
  CreateEnvironmentInputSchema, EnvironmentRefSchema, UpdateEnvironmentInputSchema,
  type ConnectionTest, type EnvironmentView,
} from "@/lib/server/environments";
import { importCluster, listLiveClusters, ImportClusterInputSchema, ListLiveClustersInputSchema } from "@/lib/server/import-cluster";
import { EnvironmentNetworkInputSchema, readEnvironmentNetwork } from "@/lib/server/network";
import { refreshPrices, RefreshPricesInputSchema, type RefreshedPrices } from "@/lib/server/cost";
import type { EnvironmentNetwork } from "@/lib/domain/designer";
import type { ImportNote } from "@/lib/domain/ecs-json";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

const PAGES = ["/environments"];

export async function listEnvironmentsForClient(): Promise<ActionResult<EnvironmentView[]>> {
  return runAction("listEnvironmentsForClient", z.object({}), {}, listEnvironments);
}

export async function createEnvironmentAction(input: z.input<typeof CreateEnvironmentInputSchema>): Promise<ActionResult<EnvironmentView>> {
  return runAction("createEnvironmentAction", CreateEnvironmentInputSchema, input, createEnvironment, { revalidate: () => PAGES });
}

export async function updateEnvironmentAction(input: z.input<typeof UpdateEnvironmentInputSchema>): Promise<ActionResult<EnvironmentView>> {
  return runAction("updateEnvironmentAction", UpdateEnvironmentInputSchema, input, updateEnvironment, { revalidate: () => PAGES });
}

export async function deleteEnvironmentAction(input: z.input<typeof EnvironmentRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteEnvironmentAction", EnvironmentRefSchema, input, deleteEnvironment, { revalidate: () => PAGES });
}

export async function testConnectionAction(input: z.input<typeof EnvironmentRefSchema>): Promise<ActionResult<ConnectionTest>> {
  return runAction("testConnectionAction", EnvironmentRefSchema, input, testConnection);
}

export async function listLiveClustersAction(input: z.input<typeof ListLiveClustersInputSchema>): Promise<ActionResult<string[]>> {
  return runAction("listLiveClustersAction", ListLiveClustersInputSchema, input, listLiveClusters, { environment: (i) => i.environmentId });
}

export async function importClusterAction(
  input: z.input<typeof ImportClusterInputSchema>,
): Promise<ActionResult<{ id: string; version: number; notes: ImportNote[] }>> {
  return runAction("importClusterAction", ImportClusterInputSchema, input, importCluster, {
    revalidate: (_, d) => ["/", `/designs/${d.id}`],
    environment: (i) => i.environmentId,
  });
}

/** The environment's VPCs, subnets, security groups, target groups and load balancers, for the inspector's pickers. */
export async function readEnvironmentNetworkAction(input: z.input<typeof EnvironmentNetworkInputSchema>): Promise<ActionResult<EnvironmentNetwork>> {
  return runAction("readEnvironmentNetworkAction", EnvironmentNetworkInputSchema, input, readEnvironmentNetwork, { environment: (i) => i.environmentId });
}

/** Reads a Region's prices from the environment's Price List API and keeps them for the cost model. */
export async function refreshPricesAction(input: z.input<typeof RefreshPricesInputSchema>): Promise<ActionResult<RefreshedPrices>> {
  return runAction("refreshPricesAction", RefreshPricesInputSchema, input, refreshPrices, {
    revalidate: (i) => [`/environments/${i.environmentId}`],
    environment: (i) => i.environmentId,
  });
}
