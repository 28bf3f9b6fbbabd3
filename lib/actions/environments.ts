"use server";

import { z } from "zod";
import {
  createEnvironment, deleteEnvironment, listEnvironments, testConnection, updateEnvironment,
  CreateEnvironmentInputSchema, EnvironmentRefSchema, UpdateEnvironmentInputSchema,
  type ConnectionTest, type EnvironmentView,
} from "@/lib/server/environments";
import { importCluster, listLiveClusters, ImportClusterInputSchema, ListLiveClustersInputSchema } from "@/lib/server/import-cluster";
import type { ImportNote } from "@/lib/domain/ecs-json";
import { runEnvAction, type EnvActionResult } from "./environment-result";

const PAGES = ["/environments"];

export async function listEnvironmentsForClient(): Promise<EnvActionResult<EnvironmentView[]>> {
  return runEnvAction(z.object({}), {}, listEnvironments);
}

export async function createEnvironmentAction(input: z.input<typeof CreateEnvironmentInputSchema>): Promise<EnvActionResult<EnvironmentView>> {
  return runEnvAction(CreateEnvironmentInputSchema, input, createEnvironment, { revalidate: () => PAGES });
}

export async function updateEnvironmentAction(input: z.input<typeof UpdateEnvironmentInputSchema>): Promise<EnvActionResult<EnvironmentView>> {
  return runEnvAction(UpdateEnvironmentInputSchema, input, updateEnvironment, { revalidate: () => PAGES });
}

export async function deleteEnvironmentAction(input: z.input<typeof EnvironmentRefSchema>): Promise<EnvActionResult<{ id: string }>> {
  return runEnvAction(EnvironmentRefSchema, input, deleteEnvironment, { revalidate: () => PAGES });
}

export async function testConnectionAction(input: z.input<typeof EnvironmentRefSchema>): Promise<EnvActionResult<ConnectionTest>> {
  return runEnvAction(EnvironmentRefSchema, input, testConnection);
}

export async function listLiveClustersAction(input: z.input<typeof ListLiveClustersInputSchema>): Promise<EnvActionResult<string[]>> {
  return runEnvAction(ListLiveClustersInputSchema, input, listLiveClusters);
}

export async function importClusterAction(
  input: z.input<typeof ImportClusterInputSchema>,
): Promise<EnvActionResult<{ id: string; version: number; notes: ImportNote[] }>> {
  return runEnvAction(ImportClusterInputSchema, input, importCluster, { revalidate: (_, d) => ["/", `/designs/${d.id}`] });
}
