import type { RuleFinding, TaskDefinitionRule } from "../types";
import { ECS_NAME_PATTERN, MAX_NAME_LENGTH, toEcsName } from "../../ecs-facts/names";
import { containersOf, cpath } from "./task-definition-util";

/** A name ECS would accept, closest to `name` (for the fix text). */
function suggest(name: string, fallback: string): string {
  return toEcsName(name) ?? fallback;
}

function problem(name: string): string {
  if (name.length === 0) return "is empty";
  if (name.length > MAX_NAME_LENGTH) return `is ${name.length} characters long (at most ${MAX_NAME_LENGTH})`;
  return "contains characters other than letters, digits, hyphens and underscores";
}

export const names: TaskDefinitionRule = {
  id: "names",
  title: "Family and container names are valid and container names are unique",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    const family = td.family ?? "";
    if (!ECS_NAME_PATTERN.test(family)) {
      out.push({
        path: ["family"],
        message: `The family "${family}" ${problem(family)}. ECS accepts up to 255 letters, digits, hyphens and underscores and rejects the registration otherwise.`,
        fix: { description: `Rename the family, e.g. to "${suggest(family, "my-task")}" (services that name this family must follow).` },
      });
    }
    const seen = new Map<string, number>();
    containersOf(td).forEach((c, i) => {
      const name = c.name ?? "";
      if (!ECS_NAME_PATTERN.test(name)) {
        out.push({
          path: cpath(i, "name"),
          container: name,
          message: `The container name "${name}" ${problem(name)}. ECS accepts up to 255 letters, digits, hyphens and underscores.`,
          fix: { description: `Rename the container, e.g. to "${suggest(name, `container-${i + 1}`)}", and update links, dependsOn and load balancers that name it.` },
        });
      }
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else {
        out.push({
          path: cpath(i, "name"),
          container: name,
          message: `Container ${i + 1} is named "${name}" like container ${first + 1}. Container names must be unique within a task definition: links, dependsOn, volumesFrom and load balancers find containers by name.`,
          fix: { description: `Give this container a different name, e.g. "${name}-${i + 1}".` },
        });
      }
    });
    return out;
  },
};
