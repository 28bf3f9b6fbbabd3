import type { Design } from "@/lib/domain/design";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import { getDesign } from "./get-design";
import { checkDocument } from "./limits";
import { replaceDocument } from "./replace-document";
import type { SetContainerImageInput } from "./schemas";

/** One container's image set to what the lab built: a new version of the design, like a save from the canvas. */
export async function setContainerImage({ ctx, input }: { ctx: AppContext; input: SetContainerImageInput }): Promise<{ version: number }> {
  const record = await getDesign({ ctx, input: { id: input.designId } });
  const design: Design = record.document;
  const td = design.taskDefinitions.find((t) => t.id === input.taskDefinitionId);
  if (!td) throw new NotFoundError(`Design ${input.designId} has no task definition ${input.taskDefinitionId}`);
  if (!td.containerDefinitions.some((c) => c.name === input.containerName)) {
    throw new NotFoundError(`Task definition ${td.family} has no container named ${input.containerName}`);
  }
  const next: Design = {
    ...design,
    taskDefinitions: design.taskDefinitions.map((t) => (t !== td ? t : {
      ...t, containerDefinitions: t.containerDefinitions.map((c) => (c.name === input.containerName ? { ...c, image: input.image } : c)),
    })),
  };
  const { json } = checkDocument(next);
  return replaceDocument(ctx, { id: record.id, expectedVersion: record.version, json });
}
