import type { Design } from "@/lib/domain/design";
import { importText, type ImportNote } from "@/lib/domain/ecs-json";
import type { AppContext } from "../context";
import { ValidationError } from "../errors";
import { createDesign } from "./create-design";
import { checkText } from "./limits";
import type { ImportDesignInput } from "./schemas";

export type { ImportNote };

/** Creates a design from pasted or uploaded ECS JSON, a Stevedore design or a compose file. */
export async function importDesign(
  { ctx, input }: { ctx: AppContext; input: ImportDesignInput },
): Promise<{ id: string; version: number; notes: ImportNote[] }> {
  checkText(input.text);
  const result = importText(input.text, { fileName: input.fileName });
  if (!result.ok) throw new ValidationError(result.issues, "The file could not be imported");
  const name = input.name ?? defaultName(input.fileName, result.design);
  const created = await createDesign({ ctx, input: { name, document: result.design } });
  return { ...created, notes: result.notes };
}

function defaultName(fileName: string | undefined, design: Design): string {
  const base = fileName?.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").trim();
  const name = base || design.taskDefinitions[0]?.family || design.clusters[0]?.clusterName || "Imported design";
  return name.slice(0, 200);
}
