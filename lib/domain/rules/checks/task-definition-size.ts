import type { TaskDefinitionRule } from "../types";
import { MAX_TASK_DEFINITION_BYTES } from "../../ecs-facts/task-definition";

const encoder = new TextEncoder();

/**
 * An upper bound of the UTF-8 JSON size of `value`, walking at most until it passes `limit`.
 * A character takes at most 6 bytes in JSON (`\u001f`), a number at most 24 characters. This keeps
 * the common case (a task definition far below the quota) free of JSON.stringify.
 */
function sizeBound(value: unknown, limit: number): number {
  let total = 0;
  const walk = (v: unknown): void => {
    if (total > limit) return;
    if (typeof v === "string") total += 6 * v.length + 2;
    else if (typeof v === "number") total += 24;
    else if (typeof v === "boolean" || v === null) total += 5;
    else if (Array.isArray(v)) {
      total += 2 + v.length;
      for (const item of v) walk(item);
    } else if (typeof v === "object") {
      total += 2;
      for (const key in v) {
        total += 6 * key.length + 4;
        walk((v as Record<string, unknown>)[key]);
      }
    }
  };
  walk(value);
  return total;
}

/** Size in bytes of the RegisterTaskDefinition JSON of a task definition (everything but our `id`). */
export function registeredSize(td: { id?: string }): number {
  const { id: _id, ...registered } = td;
  return encoder.encode(JSON.stringify(registered)).length;
}

export const taskDefinitionSize: TaskDefinitionRule = {
  id: "task-definition-size",
  title: "The task definition fits in 64 KiB",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    if (sizeBound(td, MAX_TASK_DEFINITION_BYTES) <= MAX_TASK_DEFINITION_BYTES) return [];
    const bytes = registeredSize(td);
    if (bytes <= MAX_TASK_DEFINITION_BYTES) return [];
    return [{
      path: [],
      message: `The task definition is ${bytes.toLocaleString("en-US")} bytes of JSON; ECS accepts at most ${MAX_TASK_DEFINITION_BYTES.toLocaleString("en-US")} bytes (64 KiB) per RegisterTaskDefinition request and rejects larger ones.`,
      fix: { description: "Move large environment blocks to environmentFiles (S3) or secrets, shorten command lines and docker labels, or split the containers into several task definitions." },
    }];
  },
};
