import { hasRole } from "@/lib/domain/access";
import { parseDesign } from "@/lib/domain/design";
import type { AppContext } from "../context";

export type ImageTarget = {
  designId: string;
  designName: string;
  taskDefinitions: { id: string; family: string; containers: { name: string; image: string }[] }[];
};

/** Every design's containers, for the lab's "Use this image" picker (designs without task definitions are left out). */
export async function listImageTargets({ ctx }: { ctx: AppContext; input?: Record<string, never> }): Promise<ImageTarget[]> {
  const rows = await ctx.db.design.findMany({ orderBy: { updatedAt: "desc" }, select: { id: true, name: true, document: true } });
  return rows.flatMap((row) => {
    const parsed = parseDesign(row.document);
    if (!parsed.ok || parsed.design.taskDefinitions.length === 0) return [];
    return [{
      designId: row.id,
      designName: row.name,
      taskDefinitions: parsed.design.taskDefinitions.map((t) => ({ id: t.id, family: t.family, containers: t.containerDefinitions.map((c) => ({ name: c.name, image: c.image })) })),
    }];
  });
}

/** What the lab's pages give "Use this image": the designs' containers, and whether this actor may change designs (editors and up). */
export async function imageTargetsFor(ctx: AppContext): Promise<{ targets: ImageTarget[]; canEdit: boolean }> {
  const targets = await listImageTargets({ ctx });
  return { targets, canEdit: ctx.actor.kind !== "person" || hasRole(ctx.actor.person.role, "editor") };
}
