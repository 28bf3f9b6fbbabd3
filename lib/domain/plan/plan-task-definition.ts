import type { RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import type { TaskDefinition } from "../design";
import { exportTaskDefinition } from "../ecs-json";
import { normaliseTaskDefinition } from "./normalise-task-definition";
import { creationTags, tagCalls, tagChanges } from "./tags";
import type { LiveState, PlanStep } from "./types";
import { diffValues } from "./values";

export type TaskDefinitionPlan = { step: PlanStep; /** `family:revision` services should run after this step. */ ref: string };

/**
 * Registering an unchanged definition still creates a revision (and a deployment of every
 * service that follows it), so a new revision is planned only when the normalised definitions
 * differ. Tag-only changes are tagged onto the current revision instead.
 */
/** The RegisterTaskDefinition input of a design's task definition, with the tags saying whose it is. */
export function registerInput(td: TaskDefinition, designId: string): { input: RegisterTaskDefinitionCommandInput; notes: string[] } {
  const created = creationTags(td.tags, designId, td.id);
  return { input: { ...exportTaskDefinition(td), tags: created.tags } as RegisterTaskDefinitionCommandInput, notes: created.notes };
}

export function planTaskDefinition(td: TaskDefinition, live: LiveState, designId: string): TaskDefinitionPlan {
  const base = { key: `task-definition:${td.family}`, kind: "task-definition" as const, name: td.family, designId: td.id, notes: [] as string[] };
  const current = live.taskDefinitions[td.family];
  const { input, notes: createdNotes } = registerInput(td, designId);
  const created = { notes: createdNotes };
  const register = { operation: "RegisterTaskDefinition" as const, input: input as unknown as Record<string, unknown> };
  if (!current) {
    return {
      step: { ...base, notes: created.notes, action: "create", changes: [], calls: [register] },
      ref: `${td.family}:1`,
    };
  }
  const revision = current.taskDefinition.revision ?? 0;
  const changes = diffValues(
    normaliseTaskDefinition(current.taskDefinition as Record<string, unknown>),
    normaliseTaskDefinition(input as unknown as Record<string, unknown>),
    "",
  );
  if (changes.length > 0) {
    return {
      step: { ...base, action: "update", changes, calls: [register], notes: [`registers revision ${td.family}:${revision + 1} (replacing ${td.family}:${revision})`, ...created.notes] },
      ref: `${td.family}:${revision + 1}`,
    };
  }
  const tags = tagChanges(td.tags, current.tags, designId);
  const calls = tagCalls(current.taskDefinition.taskDefinitionArn, tags);
  const ref = `${td.family}:${revision}`;
  return { step: { ...base, notes: tags.notes, action: calls.length ? "update" : "no-change", changes: tags.changes, calls }, ref };
}
