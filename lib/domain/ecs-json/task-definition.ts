import type { RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import { TaskDefinitionSchema, readEcsJson, zodIssues, type TaskDefinition } from "../design";
import { idFor, isPlainObject } from "./ids";
import { nullNotes } from "./null-note";
import type { ImportIssue, ImportNote } from "./types";
import { unknownKeyNotes } from "./unknown-keys";

/** Keys of a DescribeTaskDefinition answer that RegisterTaskDefinition rejects. */
export const TASK_DEFINITION_READ_ONLY_KEYS = [
  "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
  "registeredAt", "registeredBy", "deregisteredAt",
] as const;

export type ImportTaskDefinitionResult =
  | { ok: true; taskDefinition: TaskDefinition; notes: ImportNote[] }
  | { ok: false; issues: ImportIssue[] };

/**
 * Imports a RegisterTaskDefinition input (`--cli-input-json`) or a DescribeTaskDefinition
 * answer (`{ taskDefinition, tags }` or the bare object). Read-only keys are stripped and
 * reported; unknown keys are kept and reported; nulls mean "not set" and are left out. The id
 * is `td-<family>` unless given.
 */
export function importTaskDefinition(input: unknown, opts: { id?: string } = {}): ImportTaskDefinitionResult {
  const read = readEcsJson(input);
  if (!read.ok) return read;
  const json = read.value;
  if (!isPlainObject(json)) {
    return { ok: false, issues: [{ path: "(document)", message: "A task definition must be a JSON object" }] };
  }
  const notes: ImportNote[] = nullNotes(read);
  if ("taskDefinition" in json && !isPlainObject(json.taskDefinition) && !("containerDefinitions" in json)) {
    return { ok: false, issues: [{ path: "taskDefinition", message: "The task definition of a DescribeTaskDefinition answer must be a JSON object" }] };
  }
  let raw: Record<string, unknown> = json;
  let prefix = "";
  if (isPlainObject(json.taskDefinition) && !("containerDefinitions" in json)) {
    // DescribeTaskDefinition answer: tags sit beside the task definition, not inside it.
    prefix = "taskDefinition";
    raw = { ...json.taskDefinition };
    for (const [k, v] of Object.entries(json)) {
      if (k === "taskDefinition") continue;
      if (k === "tags" && Array.isArray(v)) {
        if (v.length > 0 && raw.tags === undefined) raw.tags = v;
        else if (v.length === 0) notes.push({ severity: "info", path: "tags", message: "Empty tags list of the DescribeTaskDefinition answer left out" });
      } else {
        notes.push({ severity: "info", path: k, message: `"${k}" is part of the API answer, not of the task definition; left out` });
      }
    }
  } else {
    raw = { ...json };
  }
  const at = (k: string) => (prefix ? `${prefix}.${k}` : k);
  for (const key of TASK_DEFINITION_READ_ONLY_KEYS) {
    if (key in raw) {
      delete raw[key];
      notes.push({ severity: "info", path: at(key), message: `"${key}" is set by ECS and rejected by RegisterTaskDefinition; stripped` });
    }
  }
  if ("id" in raw) {
    notes.push({ severity: "warning", path: at("id"), message: `"id" is not an ECS field; replaced by Stevedore's own id` });
    delete raw.id;
  }
  const family = typeof raw.family === "string" ? raw.family : "";
  const parsed = TaskDefinitionSchema.safeParse({ id: opts.id ?? idFor("td", family || "task"), ...raw });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, prefix) };
  notes.push(...unknownKeyNotes(TaskDefinitionSchema, raw, [], prefix));
  return { ok: true, taskDefinition: parsed.data, notes };
}

/** RegisterTaskDefinition input: every key of the design's task definition except its `id`. */
export function exportTaskDefinition(td: TaskDefinition): RegisterTaskDefinitionCommandInput {
  const { id: _id, ...rest } = td;
  return structuredClone(rest) as unknown as RegisterTaskDefinitionCommandInput;
}
