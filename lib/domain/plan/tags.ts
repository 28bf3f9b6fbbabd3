import type { Tag as EcsTag } from "@aws-sdk/client-ecs";
import type { Tag } from "../design";
import { DESIGN_TAG, RESOURCE_TAG, type FieldChange } from "./types";

/** The tags a resource Stevedore creates carries: the design's own plus ownership. */
export function creationTags(own: Tag[] | undefined, designId: string, resourceId: string): Tag[] {
  const reserved = new Set([DESIGN_TAG, RESOURCE_TAG]);
  return [...(own ?? []).filter((t) => !reserved.has(t.key)), { key: DESIGN_TAG, value: designId }, { key: RESOURCE_TAG, value: resourceId }];
}

export function tagValue(tags: EcsTag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.key === key)?.value;
}

/**
 * The design's tags that are missing or different live. Tags someone else added are left
 * alone (the design does not own them), and ownership tags are never added to a resource the
 * design did not create.
 */
export function tagChanges(own: Tag[] | undefined, live: EcsTag[] | undefined): { tags: Tag[]; changes: FieldChange[] } {
  const tags: Tag[] = [];
  const changes: FieldChange[] = [];
  for (const t of own ?? []) {
    if (t.key === DESIGN_TAG || t.key === RESOURCE_TAG) continue;
    const current = tagValue(live, t.key);
    if (current === t.value) continue;
    tags.push(t);
    changes.push({ path: `tags.${t.key}`, ...(current !== undefined ? { old: current } : {}), new: t.value });
  }
  return { tags, changes };
}
