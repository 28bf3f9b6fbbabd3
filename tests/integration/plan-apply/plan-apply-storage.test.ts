import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Design } from "@/lib/domain/design";
import { validateDesign } from "@/lib/domain/rules";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { startPlanSandbox } from "./sandbox";

// Task storage applied to the sandbox through the app's plan and apply runner: a Fargate task
// definition with 30 GiB of ephemeral storage, an EFS volume (IAM authorization over TLS) and a
// volume configured at launch, and a service whose managed EBS volume ECS creates for each task,
// attaches while it runs and deletes with it.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeEach(async () => { sb = await startPlanSandbox(); });
afterEach(async () => { await sb.close(); });

const ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRole";

function storageDesign(subnets: string[], sizeInGiB = 40): Design {
  return {
    schemaVersion: 1, layout: {},
    clusters: [{ id: "cl-data", clusterName: "data" }],
    taskDefinitions: [{
      id: "td-db", family: "db", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "512", memory: "1024",
      taskRoleArn: "arn:aws:iam::000000000000:role/db", ephemeralStorage: { sizeInGiB: 30 },
      volumes: [
        { name: "data", configuredAtLaunch: true },
        { name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-0123456789abcdef0", transitEncryption: "ENABLED", authorizationConfig: { iam: "ENABLED" } } },
      ],
      containerDefinitions: [{
        name: "db", image: "postgres:17", essential: true,
        mountPoints: [{ sourceVolume: "data", containerPath: "/var/lib/postgresql/data" }, { sourceVolume: "shared", containerPath: "/backups" }],
      }],
    }],
    services: [{
      id: "svc-db", serviceName: "db", cluster: "data", taskDefinition: "db", desiredCount: 2, launchType: "FARGATE", platformVersion: "1.4.0",
      networkConfiguration: { awsvpcConfiguration: { subnets } },
      volumeConfigurations: [{ name: "data", managedEBSVolume: { roleArn: ROLE, volumeType: "gp3", sizeInGiB, iops: 3000, throughput: 125, filesystemType: "ext4" } }],
    }],
  };
}

const tasksOf = async () => {
  const arns = await sb.ecs.listTasks({ cluster: "data", desiredStatus: "RUNNING" });
  const stopped = await sb.ecs.listTasks({ cluster: "data", desiredStatus: "STOPPED" });
  return (await sb.ecs.describeTasks({ cluster: "data", tasks: [...arns, ...stopped] })).tasks;
};
const ebsOf = (t: Awaited<ReturnType<typeof tasksOf>>[number]) => {
  const a = t.attachments!.find((x) => x.type === "AmazonElasticBlockStorage");
  return a && { status: a.status, ...Object.fromEntries(a.details!.map((d) => [d.name, d.value])) };
};

describe("applying task storage to the sandbox", () => {
  it("registers the volumes, gives each task its own EBS volume, re-plans to nothing and replaces the volumes when their size changes", async () => {
    const ec2 = sb.aws.ec2({ region: sb.region });
    const subnets = (await ec2.describeSubnets()).map((s) => s.SubnetId!);
    ec2.destroy();
    const design = storageDesign(subnets);
    expect(validateDesign(design).filter((f) => f.severity === "error")).toEqual([]);

    const { plan } = await planAgainstAccount(sb.ecs, design, { designId: "d-data" });
    const create = plan.steps.find((s) => s.key === "service:data/db")!.calls[0];
    expect(create.operation).toBe("CreateService");
    expect((create.input as { volumeConfigurations: unknown }).volumeConfigurations).toEqual(design.services[0].volumeConfigurations);
    expect(await applyPlan(sb.ecs, plan)).toEqual({ ok: true, done: plan.steps.map((s) => s.key) });

    const { taskDefinition } = await sb.ecs.describeTaskDefinition({ taskDefinition: "db" });
    expect(taskDefinition!.ephemeralStorage).toEqual({ sizeInGiB: 30 });
    expect(taskDefinition!.volumes).toEqual(design.taskDefinitions[0].volumes);

    await sb.control({ action: "step", seconds: 30 });
    const first = await tasksOf();
    expect(first.map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING"]);
    expect(first.every((t) => t.ephemeralStorage?.sizeInGiB === 30)).toBe(true);
    const volumes = first.map(ebsOf);
    expect(volumes.map((v) => [v?.status, v?.volumeName, v?.volumeSizeInGiB, v?.volumeType, v?.fileSystemType])).toEqual([
      ["ATTACHED", "data", "40", "gp3", "ext4"], ["ATTACHED", "data", "40", "gp3", "ext4"],
    ]);
    expect(new Set(volumes.map((v) => v?.volumeId)).size).toBe(2);
    expect(volumes[0]?.volumeId).toMatch(/^vol-[0-9a-f]{17}$/);

    const [svc] = (await sb.ecs.describeServices({ cluster: "data", services: ["db"] })).services;
    expect(svc.deployments![0].volumeConfigurations).toEqual(design.services[0].volumeConfigurations);
    expect((await planAgainstAccount(sb.ecs, design, { designId: "d-data" })).plan.empty).toBe(true);

    // A bigger volume is a new deployment: new tasks get 60 GiB volumes, the old tasks' volumes are deleted with them.
    const bigger = storageDesign(subnets, 60);
    const { plan: resize } = await planAgainstAccount(sb.ecs, bigger, { designId: "d-data" });
    const step = resize.steps.find((s) => s.key === "service:data/db")!;
    expect(step.action).toBe("update");
    expect(step.changes.map((c) => c.path)).toEqual(["volumeConfigurations"]);
    expect(step.calls).toEqual([{ operation: "UpdateService", input: { cluster: "data", service: "db", volumeConfigurations: bigger.services[0].volumeConfigurations } }]);
    expect((await applyPlan(sb.ecs, resize)).ok).toBe(true);
    await sb.control({ action: "step", seconds: 300 });
    const after = await tasksOf();
    const byStatus = (s: string) => after.filter((t) => t.lastStatus === s).map((t) => [ebsOf(t)?.status, ebsOf(t)?.volumeSizeInGiB]);
    expect(byStatus("RUNNING")).toEqual([["ATTACHED", "60"], ["ATTACHED", "60"]]);
    expect(byStatus("STOPPED")).toEqual([["DELETED", "40"], ["DELETED", "40"]]);
    expect((await planAgainstAccount(sb.ecs, bigger, { designId: "d-data" })).plan.empty).toBe(true);
  });
});
