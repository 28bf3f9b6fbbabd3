import type { Design } from "../design";
import { networkModeOf } from "../ecs-facts/task-definition";
import { connect, type ContainerCondition, type ConnectOptions } from "./connect";
import { disconnect } from "./edges";
import { containerNodeId, resolveNode } from "./resolve";
import { fail, type EditResult } from "./result";

export type ContainerEdge = { relation: "dependsOn" | "link"; condition?: ContainerCondition; source: string; target: string; tdId: string };

/** What a container→container edge id stands for, or undefined for other edges. */
export function parseContainerEdge(design: Design, edgeId: string): ContainerEdge | undefined {
  const [kind, tdId, from, to] = edgeId.split("|");
  if (kind !== "dep" && kind !== "link") return undefined;
  const source = containerNodeId(tdId, from);
  const r = resolveNode(design, source);
  if (r?.kind !== "container") return undefined;
  const condition = kind === "dep" ? r.container.dependsOn?.find((d) => d.containerName === to)?.condition : undefined;
  return { relation: kind === "dep" ? "dependsOn" : "link", condition, source, target: containerNodeId(tdId, to), tdId };
}

export const containerEdgeId = (e: { relation: "dependsOn" | "link"; tdId: string; source: string; target: string }) =>
  `${e.relation === "dependsOn" ? "dep" : "link"}|${e.tdId}|${e.source.slice(e.tdId.length + 1)}|${e.target.slice(e.tdId.length + 1)}`;

/**
 * Turns a container edge into a dependsOn (with a condition) or a link, as one edit; the result's
 * id is the new edge's id. Refused (with canConnect's reason) when the model forbids the new kind.
 */
export function setContainerEdgeKind(design: Design, edgeId: string, to: ConnectOptions): EditResult {
  const e = parseContainerEdge(design, edgeId);
  if (!e) return fail("Only edges between containers have a kind to choose.");
  const relation = to.relation ?? "dependsOn";
  if (relation === e.relation && relation === "dependsOn") {
    const r = resolveNode(design, e.source);
    if (r?.kind !== "container") return fail("The container is gone.");
    const name = e.target.slice(e.tdId.length + 1);
    const dependsOn = (r.container.dependsOn ?? []).map((d) => (d.containerName === name ? { ...d, condition: to.condition ?? "START" } : d));
    const taskDefinitions = design.taskDefinitions.slice();
    const td = r.taskDefinition;
    taskDefinitions[r.tdIndex] = { ...td, containerDefinitions: td.containerDefinitions.map((c, i) => (i === r.index ? { ...c, dependsOn } : c)) };
    return { ok: true, design: { ...design, taskDefinitions }, id: edgeId };
  }
  if (relation === e.relation) return { ok: true, design, id: edgeId };
  const out = connect(disconnect(design, edgeId), e.source, e.target, { relation, condition: to.condition });
  return out.ok ? { ...out, id: containerEdgeId({ relation, tdId: e.tdId, source: e.source, target: e.target }) } : out;
}

/** Whether a new container→container connection should ask dependsOn-or-link (links exist only in bridge mode). */
export function connectionNeedsChoice(design: Design, source: string, target: string): boolean {
  const a = resolveNode(design, source);
  const b = resolveNode(design, target);
  return a?.kind === "container" && b?.kind === "container" && a.tdIndex === b.tdIndex && networkModeOf(a.taskDefinition) === "bridge";
}
