import { z } from "zod";
import { parseEcsArn } from "./arns";
import { ecsError, invalidParameter } from "./errors";
import { TagListSchema, parseInput } from "./input";
import type { Tag, World } from "../core/types";
import { findService, findTask, findTaskDefinition } from "./lookups";

// Tags live on the resource they describe; an ARN names it.
function holder(world: World, arn: string): { tags: Tag[] } {
  const parsed = parseEcsArn(arn);
  if (!parsed) throw invalidParameter("The ARN provided is invalid.");
  const notFound = () => ecsError("ResourceNotFoundException", "The specified resource could not be found.");
  const [a, b] = parsed.parts;
  switch (parsed.resource) {
    case "cluster": {
      const c = world.clusters[a];
      if (!c || c.status !== "ACTIVE") throw notFound();
      return c;
    }
    case "service": {
      const s = b !== undefined ? findService(world, a, b) : undefined;
      if (!s || s.status === "INACTIVE") throw notFound();
      return s;
    }
    case "task": {
      const t = b !== undefined ? findTask(world, a, b) : undefined;
      if (!t) throw notFound();
      return t;
    }
    case "task-definition": {
      const td = a.includes(":") ? findTaskDefinition(world, a) : undefined;
      if (!td) throw notFound();
      return td;
    }
    case "container-instance": {
      const i = Object.values(world.instances).find((x) => x.clusterName === a && x.id === b);
      if (!i || i.status === "INACTIVE") throw notFound();
      return i;
    }
    case "capacity-provider": {
      // FARGATE and FARGATE_SPOT are not the account's: nothing to tag.
      const cp = world.capacityProviders[a];
      if (!cp || cp.status !== "ACTIVE") throw notFound();
      return cp;
    }
    default:
      throw invalidParameter("The ARN provided is invalid.");
  }
}

const TagSchema = z.object({ resourceArn: z.string().min(1), tags: TagListSchema });

export function tagResource(world: World, raw: unknown) {
  const input = parseInput(TagSchema, raw);
  const h = holder(world, input.resourceArn);
  for (const t of input.tags) {
    if (reserved(t.key)) throw invalidParameter("Tag keys beginning with 'aws:' are reserved.");
  }
  const merged = [...h.tags.filter((t) => !input.tags.some((n) => n.key === t.key)), ...input.tags];
  // Tags with the reserved prefix (ECS's own) do not count against the 50.
  if (merged.filter((t) => !reserved(t.key)).length > 50) throw invalidParameter("A resource can have at most 50 tags.");
  h.tags = merged;
  return {};
}

const reserved = (key: string) => key.toLowerCase().startsWith("aws:");

const UntagSchema = z.object({ resourceArn: z.string().min(1), tagKeys: z.array(z.string().min(1).max(128)) });

/** Keys the resource does not have are ignored; aws: keys cannot be deleted (API reference, Tag), refused here as an invalid parameter. */
export function untagResource(world: World, raw: unknown) {
  const input = parseInput(UntagSchema, raw);
  const h = holder(world, input.resourceArn);
  if (input.tagKeys.some(reserved)) throw invalidParameter("Tag keys beginning with 'aws:' are reserved.");
  h.tags = h.tags.filter((t) => !input.tagKeys.includes(t.key));
  return {};
}

export function listTagsForResource(world: World, raw: unknown) {
  const input = parseInput(z.object({ resourceArn: z.string().min(1) }), raw);
  return { tags: holder(world, input.resourceArn).tags };
}
