// Helpers shared by the task-definition rules (service rules have their own service-util.ts).
// Which mode and launch type a task definition has are ECS facts: ecs-facts/task-definition.ts.
import type { ContainerDefinition, TaskDefinition } from "../../design";
import type { NetworkMode } from "../../ecs-facts/task-definition";
import type { Edit, PathSegment } from "../types";

/** awsvpc and host: every container of the task shares one network namespace (one set of ports). */
export function sharesNetworkNamespace(mode: NetworkMode): boolean {
  return mode === "awsvpc" || mode === "host";
}

export function containersOf(td: TaskDefinition): readonly ContainerDefinition[] {
  return td.containerDefinitions ?? [];
}

/** Path of a container (or a field below it), relative to the task definition. */
export function cpath(index: number, ...rest: PathSegment[]): PathSegment[] {
  return ["containerDefinitions", index, ...rest];
}

/** Container index by name (the first one of a name, should names repeat). */
export function containerIndexByName(td: TaskDefinition): Map<string, number> {
  const map = new Map<string, number>();
  containersOf(td).forEach((c, i) => {
    if (!map.has(c.name)) map.set(c.name, i);
  });
  return map;
}

/** An edit that removes the field at `path`. */
export function remove(path: PathSegment[]): Edit {
  return { path, value: undefined };
}

/** An edit that drops some elements of the array at `path` (removing the field when none are left). */
export function keepOnly<T>(path: PathSegment[], items: readonly T[], keep: (item: T, index: number) => boolean): Edit {
  const kept = items.filter(keep);
  return { path, value: kept.length > 0 ? kept : undefined };
}

/** Clamp into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** `"a", "b" and "c"` for messages. */
export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `"${w}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
