import type { Tag as EcsTag } from "@aws-sdk/client-ecs";
import type { Tag } from "../design";
import { MAX_TAGS, MAX_TAG_VALUE_LENGTH, RESERVED_TAG_PREFIX } from "../ecs-facts/service";
import { DESIGN_TAG, MANAGED_TAGS_TAG, RESOURCE_TAG, type EcsCall, type FieldChange } from "./types";

// Tags are merged three ways, like kubectl's last-applied annotation: what the design wants, what
// the resource has, and which keys the design set there before (recorded on the resource itself in
// stevedore:managed-tags). A key the design set and no longer has is removed; a key someone else
// added is never touched. Only resources the design created (stevedore:design=<the design>) carry
// the record: a shared cluster may be tagged by several designs, and one record would clobber
// another's, so on those the design only adds and updates its tags.

/** Keys Stevedore writes for itself: never taken from a design, never counted as the design's. */
export function isStevedoreTag(key: string): boolean {
  return key === DESIGN_TAG || key === RESOURCE_TAG || isRecordKey(key);
}

const RECORD_CHUNK = new RegExp(`^${MANAGED_TAGS_TAG}:(\\d+)$`);
const isRecordKey = (key: string) => key === MANAGED_TAGS_TAG || RECORD_CHUNK.test(key);
const recordIndex = (key: string) => (key === MANAGED_TAGS_TAG ? 1 : Number(RECORD_CHUNK.exec(key)?.[1] ?? 0));
const recordKey = (i: number) => (i === 0 ? MANAGED_TAGS_TAG : `${MANAGED_TAGS_TAG}:${i + 1}`);

// A tag value may hold letters, digits, spaces and _ . : / = + - @ (ECS's Tag reference), and no
// comma. Keys are separated by a space; "+", spaces and anything else a value cannot hold are
// written as +<hex code point>. (so "cost centre" is "cost+20.centre").
const VALUE_CHAR = /^[\p{L}\p{N}_.:/=\-@]$/u;
const encodeKey = (key: string) => [...key].map((ch) => (VALUE_CHAR.test(ch) ? ch : `+${ch.codePointAt(0)!.toString(16)}.`)).join("");
const decodeKey = (part: string) => part.replace(/\+([0-9a-f]{1,6})\./g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

/** Tags with the reserved aws: prefix do not count against ECS's 50 per resource. */
const counted = (tags: { key?: string }[]) => tags.filter((t) => !(t.key ?? "").toLowerCase().startsWith(RESERVED_TAG_PREFIX)).length;

/**
 * The record of `keys` as tags: sorted, space-separated, split over stevedore:managed-tags,
 * stevedore:managed-tags:2, … when longer than one value's 256 characters. Undefined when it
 * needs more than `room` tags or a single key does not fit in a value: the record is then not
 * kept at all rather than kept wrong.
 */
export function managedRecord(keys: readonly string[], room: number): Tag[] | undefined {
  if (keys.length === 0) return [];
  const chunks: string[] = [];
  let current = "";
  for (const part of [...new Set(keys)].sort().map(encodeKey)) {
    if (part.length > MAX_TAG_VALUE_LENGTH) return undefined;
    const joined = current ? `${current} ${part}` : part;
    if (joined.length <= MAX_TAG_VALUE_LENGTH) current = joined;
    else { chunks.push(current); current = part; }
  }
  chunks.push(current);
  return chunks.length <= room ? chunks.map((value, i) => ({ key: recordKey(i), value })) : undefined;
}

/** The keys a resource's record says the design manages (none when it has no record). */
export function managedKeys(live: EcsTag[] | undefined): string[] {
  const chunks = (live ?? []).filter((t) => t.key && isRecordKey(t.key)).sort((a, b) => recordIndex(a.key!) - recordIndex(b.key!));
  return chunks.flatMap((t) => (t.value ?? "").split(" ")).filter(Boolean).map(decodeKey);
}

const designTags = (own: Tag[] | undefined) => (own ?? []).filter((t) => !isStevedoreTag(t.key));

const noRoomNote = `no room is left under ECS's ${MAX_TAGS} tags per resource to record which tags the design manages (${MANAGED_TAGS_TAG}): tags removed from the design later will stay on the resource`;

/** The tags a resource Stevedore creates carries: the design's own, ownership, and the record of the design's keys. */
export function creationTags(own: Tag[] | undefined, designId: string, resourceId: string): { tags: Tag[]; notes: string[] } {
  const mine = designTags(own);
  const ownership = [{ key: DESIGN_TAG, value: designId }, { key: RESOURCE_TAG, value: resourceId }];
  const record = managedRecord(mine.map((t) => t.key).filter((k) => !k.toLowerCase().startsWith(RESERVED_TAG_PREFIX)), MAX_TAGS - counted(mine) - ownership.length);
  return { tags: [...mine, ...ownership, ...(record ?? [])], notes: record ? [] : [noRoomNote] };
}

export function tagValue(tags: EcsTag[] | undefined, key: string): string | undefined {
  return tags?.find((t) => t.key === key)?.value;
}

export type TagChanges = {
  /** For TagResource: the design's tags that are missing or different live, and the new record. */
  tags: Tag[];
  /** For UntagResource, before tagging: keys the design set before and no longer has. */
  removeKeys: string[];
  /** For UntagResource, after tagging: record tags the new record no longer needs. */
  dropRecordKeys: string[];
  changes: FieldChange[];
  notes: string[];
};

/**
 * What brings a live resource's tags to the design's. The design's tags that are missing or
 * different are set. On a resource this design created, keys its record lists that the design no
 * longer has are removed and the record is rewritten; tags nobody recorded (someone else's) are
 * left alone. On any other resource the design only adds and updates, and ownership tags are never
 * added.
 */
export function tagChanges(own: Tag[] | undefined, live: EcsTag[] | undefined, designId: string): TagChanges {
  const mine = designTags(own);
  const liveTags = live ?? [];
  const out: TagChanges = { tags: [], removeKeys: [], dropRecordKeys: [], changes: [], notes: [] };
  for (const t of mine) {
    const current = tagValue(liveTags, t.key);
    if (current === t.value) continue;
    out.tags.push(t);
    out.changes.push({ path: `tags.${t.key}`, ...(current !== undefined ? { old: current } : {}), new: t.value });
  }
  if (tagValue(liveTags, DESIGN_TAG) !== designId) return out;

  const wanted = new Set(mine.map((t) => t.key));
  for (const key of managedKeys(liveTags)) {
    const current = tagValue(liveTags, key);
    if (wanted.has(key) || current === undefined || isStevedoreTag(key)) continue;
    out.removeKeys.push(key);
    out.changes.push({ path: `tags.${key}`, old: current });
  }
  const liveRecord = liveTags.filter((t) => t.key && isRecordKey(t.key)) as Tag[];
  const after = liveTags.filter((t) => t.key && !isRecordKey(t.key) && !out.removeKeys.includes(t.key) && !wanted.has(t.key));
  const record = managedRecord([...wanted].filter((k) => !k.toLowerCase().startsWith(RESERVED_TAG_PREFIX)), MAX_TAGS - counted(after) - counted(mine));
  if (!record) out.notes.push(noRoomNote);
  const next = record ?? [];
  for (const r of next) {
    if (tagValue(liveRecord, r.key) !== r.value) out.tags.push(r);
  }
  for (const r of liveRecord) {
    if (!next.some((n) => n.key === r.key)) out.dropRecordKeys.push(r.key);
  }
  const recordChanged = next.some((r) => tagValue(liveRecord, r.key) !== r.value) || liveRecord.length !== next.length;
  if (recordChanged) {
    const old = liveRecord.length ? managedKeys(liveRecord).join(" ") : undefined;
    out.changes.push({ path: `tags.${MANAGED_TAGS_TAG}`, ...(old !== undefined ? { old } : {}), ...(next.length ? { new: [...wanted].sort().join(" ") } : {}) });
  }
  return out;
}

/**
 * The calls that apply tag changes, in an order where an apply stopped between any two never
 * leaves a key of the design on the resource that the record does not list: the removed keys go
 * first (which also makes room under the 50-tag limit), then one TagResource sets the design's
 * tags and the new record together, and last the record tags the new record no longer needs.
 */
export function tagCalls(resourceArn: string | undefined, t: TagChanges): EcsCall[] {
  const untag = (tagKeys: string[]): EcsCall[] => (tagKeys.length ? [{ operation: "UntagResource", input: { resourceArn, tagKeys } }] : []);
  return [...untag(t.removeKeys), ...(t.tags.length ? [{ operation: "TagResource" as const, input: { resourceArn, tags: t.tags } }] : []), ...untag(t.dropRecordKeys)];
}
