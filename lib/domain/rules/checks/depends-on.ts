import type { ContainerDefinition } from "../../design";
import type { RuleFinding, TaskDefinitionRule } from "../types";
import { isEssential } from "../../ecs-facts/task-definition";
import { containerIndexByName, containersOf, cpath, keepOnly } from "./task-definition-util";

/** Every cycle of the dependsOn graph, once each, as container indexes (first = smallest index). */
function findCycles(containers: readonly ContainerDefinition[], byName: Map<string, number>): number[][] {
  const state = new Uint8Array(containers.length); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const cycles: number[][] = [];
  const visit = (i: number) => {
    state[i] = 1;
    stack.push(i);
    for (const dep of containers[i].dependsOn ?? []) {
      const j = byName.get(dep.containerName);
      if (j === undefined || j === i) continue;
      if (state[j] === 1) cycles.push(stack.slice(stack.indexOf(j)));
      else if (state[j] === 0) visit(j);
    }
    stack.pop();
    state[i] = 2;
  };
  for (let i = 0; i < containers.length; i++) if (state[i] === 0) visit(i);
  const unique = new Map<string, number[]>();
  for (const cycle of cycles) {
    const start = cycle.indexOf(Math.min(...cycle));
    const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
    unique.set(rotated.join(","), rotated);
  }
  return [...unique.values()];
}

export const dependsOn: TaskDefinitionRule = {
  id: "depends-on",
  title: "Container dependencies are satisfiable",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const containers = containersOf(td);
    if (!containers.some((c) => c.dependsOn && c.dependsOn.length > 0)) return [];
    const out: RuleFinding[] = [];
    const byName = containerIndexByName(td);
    containers.forEach((c, i) => {
      const deps = c.dependsOn ?? [];
      deps.forEach((dep, j) => {
        const path = cpath(i, "dependsOn", j);
        const drop = () => keepOnly(cpath(i, "dependsOn"), deps, (_, k) => k !== j);
        const t = byName.get(dep.containerName);
        if (t === i) {
          out.push({
            path: [...path, "containerName"], container: c.name,
            message: `"${c.name}" depends on itself: it could never start, because it would wait for its own ${dep.condition} state.`,
            fix: { description: "Remove this dependency.", edits: [drop()] },
          });
          return;
        }
        if (t === undefined) {
          out.push({
            path: [...path, "containerName"], container: c.name,
            message: `"${c.name}" depends on "${dep.containerName}", which is not a container of this task definition; ECS can only order containers of the same task.`,
            fix: { description: "Name one of the task's containers, or remove this dependency.", edits: [drop()] },
          });
          return;
        }
        const target = containers[t];
        if (dep.condition === "HEALTHY" && !target.healthCheck) {
          out.push({
            path: [...path, "condition"], container: c.name,
            message: `"${c.name}" waits for "${target.name}" to be HEALTHY, but "${target.name}" has no healthCheck, so it never reports a health status and "${c.name}" would never start. ECS rejects the condition.`,
            fix: { description: `Add a healthCheck to "${target.name}", or wait for START instead.` },
          });
        }
        if ((dep.condition === "SUCCESS" || dep.condition === "COMPLETE") && isEssential(target)) {
          out.push({
            path: [...path, "condition"], container: c.name,
            message: `"${c.name}" waits for "${target.name}" to ${dep.condition === "SUCCESS" ? "exit with code 0" : "exit"} (${dep.condition}), but "${target.name}" is essential: when an essential container exits the whole task stops. A container depended on with ${dep.condition} must not be essential.`,
            fix: {
              description: `Mark "${target.name}" as not essential (essential: false).`,
              edits: [{ path: cpath(t, "essential"), value: false }],
            },
          });
        }
      });
    });
    for (const cycle of findCycles(containers, byName)) {
      const first = cycle[0];
      const names = [...cycle, first].map((k) => `"${containers[k].name}"`).join(" → ");
      out.push({
        path: cpath(first, "dependsOn"),
        container: containers[first].name,
        message: `The containers wait for each other in a cycle: ${names}. None of them can start first, so the task would never start.`,
        fix: { description: "Remove one dependency of the cycle." },
      });
    }
    return out;
  },
};
