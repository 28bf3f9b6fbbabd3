import { parseDesign } from "@/lib/domain/design";
import { validateDesign } from "@/lib/domain/rules";
import type { AppContext } from "../context";
import type { DesignSummary } from "./types";

/** Every design, most recently changed first, with resource counts and finding counts. */
export async function listDesigns({ ctx }: { ctx: AppContext; input?: Record<string, never> }): Promise<DesignSummary[]> {
  const rows = await ctx.db.design.findMany({
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, description: true, version: true, createdAt: true, updatedAt: true, document: true },
  });
  return rows.map(({ document, createdAt, updatedAt, ...row }) => {
    const base = { ...row, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
    const parsed = parseDesign(document);
    if (!parsed.ok) {
      return { ...base, counts: { clusters: 0, taskDefinitions: 0, services: 0 }, errors: parsed.issues.length, warnings: 0 };
    }
    const d = parsed.design;
    // Validation of a 1,000-resource design takes milliseconds, so the list can afford it.
    const findings = validateDesign(d);
    return {
      ...base,
      counts: { clusters: d.clusters.length, taskDefinitions: d.taskDefinitions.length, services: d.services.length },
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
    };
  });
}
