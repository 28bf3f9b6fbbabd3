import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Design, Tag } from "@/lib/domain/design";
import { applyPlan, planAgainstAccount, readLiveState } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";

// The three-way tag merge against the sandbox, through the real SDK: a tag the design dropped is
// removed, a tag someone else added (with the AWS CLI, say) stays, and the record of the keys the
// design manages travels on the resource itself.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeEach(async () => { sb = await startPlanSandbox(); });
afterEach(async () => { await sb.close(); });

const designId = "design-tags";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId })).plan;
const kv = (o: Record<string, string>): Tag[] => Object.entries(o).map(([key, value]) => ({ key, value }));

function tagged(tags: Record<string, string>): Design {
  const d = webDesign();
  d.clusters[0].tags = kv(tags);
  d.taskDefinitions[0].tags = kv(tags);
  d.services[0].tags = kv(tags);
  return d;
}

async function liveTags() {
  const live = await readLiveState(sb.ecs, webDesign(), { designId });
  const byKey = (tags: { key?: string; value?: string }[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));
  return {
    cluster: byKey(live.clusters.main.tags),
    taskDefinition: byKey(live.taskDefinitions.web.tags),
    service: byKey(live.services.find((s) => s.serviceName === "web")?.tags),
    arns: { cluster: live.clusters.main.clusterArn!, taskDefinition: live.taskDefinitions.web.taskDefinition.taskDefinitionArn!, service: live.services.find((s) => s.serviceName === "web")!.serviceArn! },
  };
}

describe("tags: three-way merge against the sandbox", () => {
  it("removes the tags the design dropped, keeps someone else's, and then plans no change", async () => {
    expect((await applyPlan(sb.ecs, await plan(tagged({ team: "web", "cost centre": "42" }))))).toMatchObject({ ok: true });
    const created = await liveTags();
    for (const t of [created.cluster, created.taskDefinition, created.service]) {
      expect(t).toMatchObject({ team: "web", "cost centre": "42", "stevedore:design": designId });
      expect(t["stevedore:managed-tags"]).toBe("cost+20.centre team");
    }
    // Someone tags every resource by hand.
    for (const arn of Object.values(created.arns)) await sb.ecs.tagResource({ resourceArn: arn, tags: [{ key: "owner", value: "alice" }] });
    expect((await plan(tagged({ team: "web", "cost centre": "42" }))).empty).toBe(true);

    const dropped = await plan(tagged({ team: "platform" }));
    const tagSteps = dropped.steps.filter((s) => s.calls.some((c) => c.operation.endsWith("TagResource")));
    expect(tagSteps.map((s) => s.key)).toEqual(["cluster:main", "task-definition:web", "service:main/web"]);
    for (const s of tagSteps) {
      expect(s.changes).toEqual([
        { path: "tags.team", old: "web", new: "platform" },
        { path: "tags.cost centre", old: "42" },
        { path: "tags.stevedore:managed-tags", old: "cost centre team", new: "team" },
      ]);
    }
    expect((await applyPlan(sb.ecs, dropped)).ok).toBe(true);

    const after = await liveTags();
    for (const t of [after.cluster, after.taskDefinition, after.service]) {
      expect(t).toMatchObject({ team: "platform", owner: "alice", "stevedore:managed-tags": "team" });
      expect(t).not.toHaveProperty("cost centre");
    }
    expect((await plan(tagged({ team: "platform" }))).empty).toBe(true);

    // Dropping every tag removes the design's and the record, and still not alice's.
    expect((await applyPlan(sb.ecs, await plan(webDesign()))).ok).toBe(true);
    const bare = await liveTags();
    for (const t of [bare.cluster, bare.taskDefinition, bare.service]) {
      expect(Object.keys(t).sort()).toEqual(["owner", "stevedore:design", "stevedore:id"]);
    }
    expect((await plan(webDesign())).empty).toBe(true);
  });

  it("never removes tags from a cluster the design did not create", async () => {
    await sb.ecs.createCluster({ clusterName: "main", tags: [{ key: "team", value: "ops" }, { key: "stevedore:managed-tags", value: "team" }] });
    const p = await plan(webDesign());
    expect(p.steps.find((s) => s.key === "cluster:main")).toMatchObject({ action: "no-change", calls: [] });
    expect((await applyPlan(sb.ecs, p)).ok).toBe(true);
    expect((await liveTags()).cluster).toEqual({ team: "ops", "stevedore:managed-tags": "team" });
  });

  it("the sandbox refuses to untag the reserved aws: keys and ignores keys a resource does not have", async () => {
    await applyPlan(sb.ecs, await plan(webDesign()));
    const { arns } = await liveTags();
    await expect(sb.ecs.untagResource({ resourceArn: arns.cluster, tagKeys: ["aws:cloudformation:stack-name"] })).rejects.toMatchObject({ name: "InvalidParameterException" });
    await sb.ecs.untagResource({ resourceArn: arns.cluster, tagKeys: ["never-set"] });
    await expect(sb.ecs.untagResource({ resourceArn: `${arns.cluster}-gone`, tagKeys: ["x"] })).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  });
});
