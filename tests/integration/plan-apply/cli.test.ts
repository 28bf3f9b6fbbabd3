import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliInTempDir } from "../helpers/run-cli";
import { startPlanSandbox, webDesign } from "./sandbox";
import type { Design } from "@/lib/domain/design";

const { dir: tmp, run } = cliInTempDir("stevedore-plan-");

function designFile(name: string, d: Design) {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(d, null, 2));
  return p;
}

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeAll(async () => { sb = await startPlanSandbox(); });
afterAll(async () => { await sb.close(); });

// One design id per design: a design that no longer has a cluster it created deletes it, so
// reusing an id for an unrelated design would plan deletes of the earlier test's resources.
const target = (designId = "cli-test") => ["--endpoint", sb.url, "--region", sb.region, "--design-id", designId];

describe("stevedore plan / apply", { timeout: 60_000 }, () => {
  it("plan shows the changes, apply refuses without a terminal or --yes, applies with --yes, then plan is empty", async () => {
    const file = designFile("shop.json", webDesign());
    const plan = await run("plan", file, ...target());
    expect(plan.code).toBe(0);
    expect(plan.out).toContain("+ create    main");
    expect(plan.out).toContain("Plan: 5 to create, 0 to update, 0 to replace, 0 to delete (0 unchanged).");

    const detailed = await run("plan", file, ...target(), "--detailed-exitcode");
    expect(detailed.code).toBe(2);

    const refused = await run("apply", file, ...target());
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("not a terminal; pass --yes");
    expect(await sb.ecs.listServices({ cluster: "main" }).catch(() => "no cluster")).toBe("no cluster");

    const applied = await run("apply", file, ...target(), "--yes");
    expect(applied.err).not.toContain("stevedore:");
    expect(applied.code).toBe(0);
    expect(applied.out).toContain("Applied: 5 resource(s) changed.");
    expect(applied.err).toContain("CreateService main/web");

    const after = await run("plan", file, ...target(), "--json", "--detailed-exitcode");
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out)).toMatchObject({ designId: "cli-test", empty: true });
  });

  it("apply stops at a failing call with ECS's message and exit 1; fixed, it finishes", async () => {
    const broken = webDesign();
    broken.clusters[0].clusterName = "second";
    for (const s of broken.services) s.cluster = "second";
    broken.services[1].cluster = "missing";
    const file = designFile("broken.json", broken);
    // The validator sees the missing cluster too; --allow-errors lets ECS answer.
    const r = await run("apply", file, ...target("cli-test-second"), "--yes", "--json", "--allow-errors");
    expect(r.code).toBe(1);
    expect(r.err).toContain("service:missing/worker failed: ClusterNotFoundException: Cluster not found.");
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, failedStep: "service:missing/worker", done: ["cluster:second", "service:second/web"] });
    // The task definitions were registered by the first test: unchanged, so not redone.

    broken.services[1].cluster = "second";
    const fixed = designFile("broken.json", broken);
    const again = await run("apply", fixed, ...target("cli-test-second"), "--yes");
    expect(again.code).toBe(0);
    expect(again.out).toContain("Plan: 1 to create, 0 to update, 0 to replace, 0 to delete (4 unchanged).");
    expect((await sb.ecs.listServices({ cluster: "second" })).length).toBe(2);
  });

  it("plan lists the validator's errors first; apply refuses them with exit 2 and changes nothing unless --allow-errors", async () => {
    const d = webDesign();
    d.clusters[0].clusterName = "gated";
    for (const s of d.services) s.cluster = "gated";
    delete d.services[0].networkConfiguration;
    const file = designFile("gated.json", d);
    const plan = await run("plan", file, ...target("cli-test-gated"));
    expect(plan.code).toBe(0);
    expect(plan.out.split("\n").slice(0, 2)).toEqual([
      "1 validator error: ECS would refuse this design; the plan is not applied until they are fixed",
      expect.stringMatching(/^ {2}! service web: .*Network Configuration must be provided.* \[service-network\]$/),
    ]);
    expect(plan.err).toContain("stevedore apply refuses this plan: 1 validator error (listed above). Fix them, or pass --allow-errors to apply anyway.");
    const json = JSON.parse((await run("plan", file, ...target("cli-test-gated"), "--json")).out);
    expect(json.errors).toEqual([expect.objectContaining({ ruleId: "service-network", severity: "error", path: ["services", 0, "networkConfiguration"] })]);

    const refused = await run("apply", file, ...target("cli-test-gated"), "--yes");
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("! service web:");
    expect(refused.err).toContain("stevedore apply refuses this plan: 1 validator error");
    expect(await sb.ecs.listServices({ cluster: "gated" }).catch(() => "no cluster")).toBe("no cluster");

    const anyway = await run("apply", file, ...target("cli-test-gated"), "--yes", "--allow-errors", "--json");
    expect(anyway.err).toContain("stevedore: applying anyway (--allow-errors), despite 1 validator error");
    expect(anyway.code).toBe(1);
    expect(anyway.err).toContain("service:gated/web failed: InvalidParameterException");
    expect(JSON.parse(anyway.out)).toMatchObject({ ok: false, allowedErrors: [expect.objectContaining({ ruleId: "service-network" })] });
  });

  it("apply --wait returns once the changed services are steady", async () => {
    const d = webDesign();
    d.clusters[0].clusterName = "third";
    for (const s of d.services) s.cluster = "third";
    await sb.control({ action: "setSpeed", speed: 500 });
    try {
      const r = await run("apply", designFile("wait.json", d), ...target("cli-test-third"), "--yes", "--wait", "--wait-timeout", "30");
      expect(r.err).not.toMatch(/stevedore: (?!design id)/);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Steady: web, worker.");
    } finally {
      await sb.control({ action: "setSpeed", speed: 0 });
    }
  });

  it("convert --to terraform --import-existing writes an import block for each exported resource the account has", async () => {
    // A cluster of its own: the other tests of this file applied "main" already.
    const d = webDesign();
    d.clusters[0].clusterName = "adopt";
    for (const s of d.services) s.cluster = "adopt";
    const file = designFile("adopt.json", d);
    const before = await run("convert", file, "--to", "terraform", "--import-existing", ...target("cli-test-adopt"));
    expect(before.code).toBe(0);
    expect(before.out).not.toContain("to = aws_ecs_cluster.adopt");
    expect(before.out).not.toContain("to = aws_ecs_service.web");
    expect((await run("apply", file, ...target("cli-test-adopt"), "--yes")).code).toBe(0);

    const after = await run("convert", file, "--to", "terraform", "--import-existing", ...target("cli-test-adopt"));
    expect(after.code).toBe(0);
    expect(after.out).toContain('import {\n  to = aws_ecs_cluster.adopt\n  id = "adopt"\n}');
    expect(after.out).toContain('import {\n  to = aws_ecs_service.web\n  id = "adopt/web"\n}');
    expect(after.out).toMatch(/import \{\n {2}to = aws_ecs_task_definition\.web\n {2}id = "arn:aws:ecs:[a-z0-9-]+:\d{12}:task-definition\/web:\d+"\n\}/);

    const unreachable = await run("convert", file, "--to", "terraform", "--import-existing", "--endpoint", "http://127.0.0.1:9/", "--region", sb.region);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain("--import-existing: cannot read the account at http://127.0.0.1:9/");
    const noTarget = await run("convert", file, "--to", "terraform", "--import-existing", "--region", sb.region);
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toContain("give --endpoint URL");
    expect((await run("convert", file, "--to", "cloudformation", "--import-existing")).err).toContain("are for --to terraform");
  });

  it("rejects bad usage and unreadable input with exit 2 and a clear message", async () => {
    const file = designFile("ok.json", webDesign());
    const noTarget = await run("plan", file, "--region", "eu-west-1");
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toContain("give --endpoint URL (e.g. the sandbox) or --profile NAME");
    const badRegion = await run("plan", file, "--endpoint", sb.url, "--region", "Mars");
    expect(badRegion.code).toBe(2);
    expect(badRegion.err).toContain("--region must be an AWS Region");
    const missing = await run("plan", join(tmp, "nope.json"), ...target());
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.json: cannot read: no such file");
    const notDesign = await run("plan", designFile("td.json", { family: "x" } as unknown as Design), ...target());
    expect(notDesign.code).toBe(2);
    expect(notDesign.err).toContain("not a Stevedore design");
    const unreachable = await run("plan", file, "--endpoint", "http://127.0.0.1:9", "--region", "eu-west-1");
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toContain("cannot read the account at http://127.0.0.1:9");
  });

  it("plans and applies a design's load balancer through the sandbox's /sandbox/aws beside /sandbox/ecs", async () => {
    const d = webDesign();
    d.services = [d.services[0]];
    d.taskDefinitions = [d.taskDefinitions[0]];
    d.services[0].loadBalancers = [{ targetGroupArn: "targetgroup/cli-tg", containerName: "app", containerPort: 80 }];
    d.targetGroups = [{ id: "tg-cli", name: "cli-tg", targetType: "ip", protocol: "HTTP", port: 80 }];
    d.loadBalancers = [{ id: "lb-cli", name: "cli-alb", type: "application", listeners: [{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/cli-tg" }] } }] }];
    const file = designFile("alb.json", d);
    const args = ["--endpoint", `${sb.url}/sandbox/ecs`, "--region", sb.region, "--design-id", "cli-alb"];
    const applied = await run("apply", file, ...args, "--yes", "--allow-errors");
    expect(applied.code).toBe(0);
    expect(applied.err).toContain("CreateListener cli-alb/80");
    expect(applied.out).toContain("Target groups\n  + create    cli-tg");
    const after = await run("plan", file, ...args, "--json");
    expect(JSON.parse(after.out)).toMatchObject({ empty: true });
  });
});
