"use server";

import type { z } from "zod";
import {
  createDesign, deleteDesign, duplicateDesign, importDesign, readInfrastructureCode, renameDesign, restoreRevision, saveDesign, setContainerImage,
  CreateDesignInputSchema, DesignRefSchema, DuplicateDesignInputSchema, ImportDesignInputSchema,
  RenameDesignInputSchema, RestoreRevisionInputSchema, SaveDesignInputSchema, SetContainerImageInputSchema, type ImportNote,
} from "@/lib/server/designs";
import { IacImportInputSchema } from "@/lib/domain/export";
import type { ProviderInstances } from "@/lib/domain/cost";
import { estimateInstances, EstimateInstancesInputSchema } from "@/lib/server/cost";
import type { Design } from "@/lib/domain/design";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

const pagesOf = (id: string) => ["/", `/designs/${id}`];

export async function createDesignAction(
  input: z.input<typeof CreateDesignInputSchema>,
): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction("createDesignAction", CreateDesignInputSchema, input, createDesign, { revalidate: (_, d) => pagesOf(d.id) });
}

export async function saveDesignAction(
  input: z.input<typeof SaveDesignInputSchema>,
): Promise<ActionResult<{ version: number }>> {
  return runAction("saveDesignAction", SaveDesignInputSchema, input, saveDesign, { revalidate: (i) => pagesOf(i.id) });
}

export async function renameDesignAction(
  input: z.input<typeof RenameDesignInputSchema>,
): Promise<ActionResult<{ id: string; name: string; description: string }>> {
  return runAction("renameDesignAction", RenameDesignInputSchema, input, renameDesign, { revalidate: (i) => pagesOf(i.id) });
}

export async function duplicateDesignAction(
  input: z.input<typeof DuplicateDesignInputSchema>,
): Promise<ActionResult<{ id: string; version: number }>> {
  return runAction("duplicateDesignAction", DuplicateDesignInputSchema, input, duplicateDesign, { revalidate: (_, d) => pagesOf(d.id) });
}

export async function deleteDesignAction(input: z.input<typeof DesignRefSchema>): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteDesignAction", DesignRefSchema, input, deleteDesign, { revalidate: (i) => pagesOf(i.id) });
}

export async function restoreRevisionAction(
  input: z.input<typeof RestoreRevisionInputSchema>,
): Promise<ActionResult<{ version: number }>> {
  return runAction("restoreRevisionAction", RestoreRevisionInputSchema, input, restoreRevision, { revalidate: (i) => pagesOf(i.id) });
}

export async function importDesignAction(
  input: z.input<typeof ImportDesignInputSchema>,
): Promise<ActionResult<{ id: string; version: number; notes: ImportNote[] }>> {
  return runAction("importDesignAction", ImportDesignInputSchema, input, importDesign, { revalidate: (_, d) => pagesOf(d.id) });
}

/** The image lab's "Use this image": one container of a design gets the built image's reference. */
export async function setContainerImageAction(input: z.input<typeof SetContainerImageInputSchema>): Promise<ActionResult<{ version: number }>> {
  return runAction("setContainerImageAction", SetContainerImageInputSchema, input, setContainerImage, { revalidate: (i) => pagesOf(i.designId) });
}

/** Terraform files or a CloudFormation template as a design and its import notes (nothing is saved: the canvas adds it). */
export async function readInfrastructureCodeAction(
  input: z.input<typeof IacImportInputSchema>,
): Promise<ActionResult<{ format: "terraform" | "cloudformation"; design: Design; notes: { path: string; message: string }[] }>> {
  return runAction("readInfrastructureCodeAction", IacImportInputSchema, input, readInfrastructureCode);
}

/** The instances the edited design's capacity providers need (the sandbox's placement), for the canvas's cost. */
export async function estimateInstancesAction(input: z.input<typeof EstimateInstancesInputSchema>): Promise<ActionResult<ProviderInstances[]>> {
  return runAction("estimateInstancesAction", EstimateInstancesInputSchema, input, estimateInstances);
}
