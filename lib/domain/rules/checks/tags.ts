import type { DesignRule, Finding, PathSegment, ResourceKind } from "../types";
import type { Tag } from "../../design";
import { MAX_TAGS, MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, RESERVED_TAG_PREFIX } from "../../ecs-facts/service";

export const tags: DesignRule = {
  id: "tags",
  title: "Tags respect ECS's tag limits",
  severity: "error",
  scope: "design",
  check({ design }) {
    const out: Finding[] = [];
    design.clusters.forEach((c, i) => checkTags(out, c.tags, ["clusters", i], { kind: "cluster", id: c.id, name: c.clusterName }));
    design.taskDefinitions.forEach((t, i) => checkTags(out, t.tags, ["taskDefinitions", i], { kind: "taskDefinition", id: t.id, name: t.family }));
    design.services.forEach((s, i) => checkTags(out, s.tags, ["services", i], { kind: "service", id: s.id, name: s.serviceName }));
    return out;
  },
};

function checkTags(out: Finding[], list: Tag[] | undefined, at: PathSegment[], resource: { kind: ResourceKind; id: string; name: string }) {
  if (!list || list.length === 0) return;
  const push = (path: PathSegment[], message: string, fix: Finding["fix"]) =>
    out.push({ ruleId: "tags", severity: "error", resource, path, message, ...(fix ? { fix } : {}) });
  if (list.length > MAX_TAGS) {
    push([...at, "tags"], `ECS allows at most ${MAX_TAGS} tags per resource; this ${resource.kind} has ${list.length}.`, {
      description: `Remove ${list.length - MAX_TAGS} tags (propagateTags can carry service or task definition tags to tasks instead of repeating them).`,
    });
  }
  const seen = new Set<string>();
  list.forEach((tag, j) => {
    const keyPath = [...at, "tags", j, "key"];
    const valuePath = [...at, "tags", j, "value"];
    if (tag.key.length === 0 || tag.key.length > MAX_TAG_KEY_LENGTH) {
      push(keyPath, `A tag key must be 1 to ${MAX_TAG_KEY_LENGTH} characters; ${tag.key.length === 0 ? "this one is empty" : `"${tag.key.slice(0, 40)}…" has ${tag.key.length}`}.`,
        tag.key.length === 0
          ? { description: "Give the tag a key, or remove it." }
          : { description: `Shorten the key to ${MAX_TAG_KEY_LENGTH} characters.`, edits: [{ path: keyPath, value: tag.key.slice(0, MAX_TAG_KEY_LENGTH) }] });
    }
    if (tag.key.toLowerCase().startsWith(RESERVED_TAG_PREFIX)) {
      const value = tag.key.slice(RESERVED_TAG_PREFIX.length);
      push(keyPath, `Tag keys starting with "aws:" (in any case) are reserved for AWS; ECS rejects "${tag.key}".`,
        value ? { description: `Rename the key to "${value}".`, edits: [{ path: keyPath, value }] } : { description: "Choose a key without the aws: prefix." });
    }
    if (tag.value.length > MAX_TAG_VALUE_LENGTH) {
      push(valuePath, `A tag value can have at most ${MAX_TAG_VALUE_LENGTH} characters; this one has ${tag.value.length}.`, {
        description: `Shorten the value to ${MAX_TAG_VALUE_LENGTH} characters.`, edits: [{ path: valuePath, value: tag.value.slice(0, MAX_TAG_VALUE_LENGTH) }],
      });
    }
    if (seen.has(tag.key)) {
      push(keyPath, `Tag key "${tag.key}" appears twice; each key of a resource can have only one value.`, {
        description: "Remove the duplicate tag or merge the values.",
      });
    }
    seen.add(tag.key);
  });
}
