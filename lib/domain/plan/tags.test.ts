import type { Tag as EcsTag } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { Design, Tag } from "../design";
import { emptyLiveState, planDesign, type LiveState } from "./index";
import { creationTags, managedKeys, managedRecord, tagCalls, tagChanges } from "./tags";

const ARN = "arn:aws:ecs:eu-west-1:123456789012";
/** ECS's pattern for a tag value (API reference, Tag). */
const ECS_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const owned = (id: string): EcsTag[] => [{ key: "stevedore:design", value: "d1" }, { key: "stevedore:id", value: id }];
const tags = (o: Record<string, string>): Tag[] => Object.entries(o).map(([key, value]) => ({ key, value }));

describe("the record of managed keys", () => {
  it("round-trips any key in a value ECS accepts: sorted, space-separated, no commas", () => {
    const keys = ["team", "cost centre", "a+b", "owner,backup", "Équipe", "x=y/z@w.v_u-1:2"];
    const record = managedRecord(keys, 10)!;
    expect(record).toHaveLength(1);
    expect(record[0].key).toBe("stevedore:managed-tags");
    expect(record[0].value).toMatch(ECS_VALUE);
    expect(record[0].value).not.toContain(",");
    expect(managedKeys(record)).toEqual([...keys].sort());
    expect(managedRecord(["b", "a"], 1)).toEqual([{ key: "stevedore:managed-tags", value: "a b" }]);
  });

  it("continues in stevedore:managed-tags:2, … past 256 characters, and is not kept at all when it does not fit", () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, "0")}-${"x".repeat(20)}`);
    const record = managedRecord(keys, 10)!;
    expect(record.map((t) => t.key)).toEqual(["stevedore:managed-tags", "stevedore:managed-tags:2", "stevedore:managed-tags:3", "stevedore:managed-tags:4"]);
    for (const t of record) expect(t.value.length).toBeLessThanOrEqual(256);
    // Read back in chunk order, whatever order ECS lists the tags in.
    expect(managedKeys([...record].reverse())).toEqual(keys);
    expect(managedRecord(keys, 3)).toBeUndefined();
    // A 128-character key of spaces is 512 characters escaped: no single value can hold it.
    expect(managedRecord([" ".repeat(128)], 5)).toBeUndefined();
    expect(managedRecord([], 0)).toEqual([]);
  });

  it("is written on creation when the design has tags, and left out when ECS's 50 tags leave no room", () => {
    expect(creationTags(tags({ team: "web" }), "d1", "svc").tags).toEqual([
      { key: "team", value: "web" }, { key: "stevedore:design", value: "d1" }, { key: "stevedore:id", value: "svc" },
      { key: "stevedore:managed-tags", value: "team" },
    ]);
    expect(creationTags(undefined, "d1", "svc").tags.map((t) => t.key)).toEqual(["stevedore:design", "stevedore:id"]);
    const many = (n: number) => tags(Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, "v"])));
    expect(creationTags(many(47), "d1", "svc")).toMatchObject({ tags: expect.arrayContaining([expect.objectContaining({ key: "stevedore:managed-tags" })]), notes: [] });
    const full = creationTags(many(48), "d1", "svc");
    expect(full.tags).toHaveLength(50);
    expect(full.notes[0]).toMatch(/no room .* tags removed from the design later will stay/);
    // A design cannot claim Stevedore's own keys.
    expect(creationTags(tags({ "stevedore:managed-tags": "x", "stevedore:managed-tags:2": "y", team: "a" }), "d1", "svc").tags)
      .toContainEqual({ key: "stevedore:managed-tags", value: "team" });
  });
});

describe("three-way tag merge", () => {
  it("removes a key the design set before and dropped, and never a key someone else added", () => {
    const live = [...owned("cl"), ...tags({ team: "ops", cost: "42", owner: "alice", "stevedore:managed-tags": "cost team" })];
    const t = tagChanges(tags({ team: "ops" }), live, "d1");
    expect(tagCalls(`${ARN}:cluster/main`, t)).toEqual([
      { operation: "UntagResource", input: { resourceArn: `${ARN}:cluster/main`, tagKeys: ["cost"] } },
      { operation: "TagResource", input: { resourceArn: `${ARN}:cluster/main`, tags: [{ key: "stevedore:managed-tags", value: "team" }] } },
    ]);
    expect(t.changes).toEqual([{ path: "tags.cost", old: "42" }, { path: "tags.stevedore:managed-tags", old: "cost team", new: "team" }]);
  });

  it("changes nothing when the design, the resource and the record agree", () => {
    const live = [...owned("cl"), ...tags({ team: "ops", owner: "alice", "stevedore:managed-tags": "team" })];
    expect(tagCalls("arn", tagChanges(tags({ team: "ops" }), live, "d1"))).toEqual([]);
  });

  it("records the keys of a resource created before the record existed, removing nothing", () => {
    const live = [...owned("cl"), ...tags({ team: "ops", owner: "alice" })];
    const t = tagChanges(tags({ team: "ops" }), live, "d1");
    expect(t.removeKeys).toEqual([]);
    expect(t.tags).toEqual([{ key: "stevedore:managed-tags", value: "team" }]);
  });

  it("only updates the record for a managed key someone already removed", () => {
    const live = [...owned("cl"), ...tags({ team: "ops", "stevedore:managed-tags": "cost team" })];
    const t = tagChanges(tags({ team: "ops" }), live, "d1");
    expect(tagCalls("arn", t).map((c) => c.operation)).toEqual(["TagResource"]);
  });

  it("removes every managed key and the record when the design drops all its tags, record last", () => {
    const live = [...owned("cl"), ...tags({ team: "ops", owner: "alice", "stevedore:managed-tags": "team" })];
    expect(tagCalls("arn", tagChanges([], live, "d1"))).toEqual([
      { operation: "UntagResource", input: { resourceArn: "arn", tagKeys: ["team"] } },
      { operation: "UntagResource", input: { resourceArn: "arn", tagKeys: ["stevedore:managed-tags"] } },
    ]);
  });

  it("drops record tags a shorter record no longer needs after writing the new one", () => {
    const keys = Array.from({ length: 20 }, (_, i) => `key-${String(i).padStart(2, "0")}-${"y".repeat(10)}`);
    const record = managedRecord(keys, 10)!;
    expect(record).toHaveLength(2);
    const live = [...owned("cl"), ...keys.map((key) => ({ key, value: "v" })), ...record];
    const calls = tagCalls("arn", tagChanges(tags({ [keys[0]]: "v" }), live, "d1"));
    expect(calls.map((c) => c.operation)).toEqual(["UntagResource", "TagResource", "UntagResource"]);
    expect(calls[0].input.tagKeys).toEqual(keys.slice(1));
    expect(calls[1].input.tags).toEqual([{ key: "stevedore:managed-tags", value: keys[0] }]);
    expect(calls[2].input.tagKeys).toEqual(["stevedore:managed-tags:2"]);
  });

  it("on a resource another design (or a person) created, only adds and updates, whatever record it carries", () => {
    const live = [{ key: "stevedore:design", value: "other" }, ...tags({ team: "ops", cost: "1", "stevedore:managed-tags": "cost team" })];
    const t = tagChanges(tags({ team: "web" }), live, "d1");
    expect(tagCalls("arn", t)).toEqual([{ operation: "TagResource", input: { resourceArn: "arn", tags: [{ key: "team", value: "web" }] } }]);
    expect(tagCalls("arn", tagChanges([], tags({ team: "ops" }), "d1"))).toEqual([]);
  });

  it("drops a stale record, with a note, when the design's tags leave no room for one", () => {
    const mine = tags(Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`t${i}`, "v"])));
    const live = [...owned("cl"), ...mine, { key: "stevedore:managed-tags", value: "t0 t1" }];
    const t = tagChanges(mine, live, "d1");
    expect(tagCalls("arn", t)).toEqual([{ operation: "UntagResource", input: { resourceArn: "arn", tagKeys: ["stevedore:managed-tags"] } }]);
    expect(t.notes[0]).toMatch(/no room/);
  });
});

describe("planDesign with tags", () => {
  const design = (clusterTags: Record<string, string>, tdTags: Record<string, string>, svcTags: Record<string, string>): Design => ({
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main", tags: tags(clusterTags) }],
    taskDefinitions: [{
      id: "td-web", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", tags: tags(tdTags),
      containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true }],
    }],
    services: [{
      id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE", tags: tags(svcTags),
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"] } },
    }],
    layout: {},
  });

  /** The account as the first plan's creates leave it, plus tags someone else added everywhere. */
  function applied(d: Design): LiveState {
    const [cluster, td, svc] = planDesign(d, emptyLiveState(), { designId: "d1" }).steps.map((s) => s.calls[0].input);
    const withTheirs = (t: unknown) => [...(t as EcsTag[]), { key: "owner", value: "alice" }];
    const live = emptyLiveState();
    live.clusters.main = { clusterArn: `${ARN}:cluster/main`, clusterName: "main", status: "ACTIVE", tags: withTheirs(cluster.tags) };
    const { tags: tdTags, ...registered } = td;
    live.taskDefinitions.web = {
      taskDefinition: { ...registered, taskDefinitionArn: `${ARN}:task-definition/web:1`, revision: 1, status: "ACTIVE" } as never,
      tags: withTheirs(tdTags),
    };
    const { tags: svcTags, cluster: _c, clientToken: _t, ...service } = svc;
    live.services = [{
      ...service, serviceArn: `${ARN}:service/main/web`, clusterArn: `${ARN}:cluster/main`, status: "ACTIVE", taskDefinition: `${ARN}:task-definition/web:1`,
      tags: withTheirs(svcTags),
    } as never];
    return live;
  }

  it("removes from the cluster, the task definition's current revision and the service the tags the design dropped", () => {
    const before = design({ team: "a", env: "prod" }, { team: "a", env: "prod" }, { team: "a", env: "prod" });
    const live = applied(before);
    const plan = planDesign(design({ team: "a" }, { team: "a" }, { team: "a" }), live, { designId: "d1" });
    const calls = plan.steps.map((s) => [s.action, s.calls.map((c) => `${c.operation} ${String(c.input.resourceArn).slice(ARN.length + 1)} ${JSON.stringify(c.input.tagKeys ?? c.input.tags)}`)]);
    expect(calls).toEqual([
      ["update", [`UntagResource cluster/main ["env"]`, `TagResource cluster/main [{"key":"stevedore:managed-tags","value":"team"}]`]],
      ["update", [`UntagResource task-definition/web:1 ["env"]`, `TagResource task-definition/web:1 [{"key":"stevedore:managed-tags","value":"team"}]`]],
      ["update", [`UntagResource service/main/web ["env"]`, `TagResource service/main/web [{"key":"stevedore:managed-tags","value":"team"}]`]],
    ]);
    expect(plan.steps.every((s) => !JSON.stringify(s.calls).includes("owner"))).toBe(true);
  });

  it("plans no change right after the creates, even with someone else's tags on every resource", () => {
    const d = design({ team: "a" }, { team: "a" }, { team: "a" });
    expect(planDesign(d, applied(d), { designId: "d1" }).empty).toBe(true);
  });
});
