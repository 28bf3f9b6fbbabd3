import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateServiceCommand, DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand, UpdateServiceCommand, CreateClusterCommand,
  type ECSServiceException, type RegisterTaskDefinitionCommandInput, type ServiceManagedEBSVolumeConfiguration,
} from "@aws-sdk/client-ecs";
import { rejection as failed, startSandbox } from "./server";

// What the sandbox's ECS refuses about task storage, through the real SDK client: RegisterTaskDefinition's
// ClientExceptions (ephemeral storage, EFS transit encryption, one volume configured at launch, mount
// points naming volumes) and Create/UpdateService's InvalidParameterExceptions for volumeConfigurations.

let sb: Awaited<ReturnType<typeof startSandbox>>;
const rejection = (call: Promise<unknown>) => failed<ECSServiceException>(call);
const ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRole";
const base: RegisterTaskDefinitionCommandInput = {
  family: "db", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
  containerDefinitions: [{ name: "db", image: "postgres:17", essential: true }],
};
const register = (over: Partial<RegisterTaskDefinitionCommandInput>) => sb.aws.ecs.send(new RegisterTaskDefinitionCommand({ ...base, ...over }));
const net = { awsvpcConfiguration: { subnets: ["subnet-a"] } };

beforeAll(async () => {
  sb = await startSandbox("eu-west-1");
  await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "data" }));
  await register({ volumes: [{ name: "data", configuredAtLaunch: true }], containerDefinitions: [{ name: "db", image: "postgres:17", mountPoints: [{ sourceVolume: "data", containerPath: "/data" }] }] });
});
afterAll(async () => { await sb.close(); });

describe("task storage in the sandbox's RegisterTaskDefinition", () => {
  it("refuses ephemeral storage outside 21–200 GiB", async () => {
    for (const sizeInGiB of [20, 201]) {
      const e = await rejection(register({ ephemeralStorage: { sizeInGiB } }));
      expect([e.name, e.message]).toEqual(["ClientException", "The ephemeral storage size must be between 21 GiB and 200 GiB."]);
    }
  });
  it("needs transit encryption for EFS IAM authorization and access points, and / as the root of an access point", async () => {
    const iam = await rejection(register({ volumes: [{ name: "s", efsVolumeConfiguration: { fileSystemId: "fs-1", authorizationConfig: { iam: "ENABLED" } } }] }));
    expect([iam.name, iam.message]).toEqual(["ClientException", expect.stringContaining("Transit encryption must be enabled")]);
    const root = await rejection(register({ volumes: [{ name: "s", efsVolumeConfiguration: { fileSystemId: "fs-1", rootDirectory: "/x", transitEncryption: "ENABLED", authorizationConfig: { accessPointId: "fsap-1" } } }] }));
    expect(root.message).toContain("root directory must be omitted or set to '/'");
  });
  it("takes one volume configured at launch, and mount points of volumes the task definition has", async () => {
    const two = await rejection(register({ volumes: [{ name: "a", configuredAtLaunch: true }, { name: "b", configuredAtLaunch: true }] }));
    expect(two.message).toBe("Each task definition revision may only have one volume configured at launch.");
    const mount = await rejection(register({ containerDefinitions: [{ name: "db", image: "postgres:17", mountPoints: [{ sourceVolume: "logs", containerPath: "/logs" }] }] }));
    expect([mount.name, mount.message]).toEqual(["ClientException", expect.stringContaining("unknown volume 'logs'")]);
  });
});

describe("managed EBS volumes in the sandbox's CreateService and UpdateService", () => {
  const create = (ebs: ServiceManagedEBSVolumeConfiguration | undefined, name = "data", serviceName = "db") => sb.aws.ecs.send(new CreateServiceCommand({
    cluster: "data", serviceName, taskDefinition: "db", desiredCount: 1, launchType: "FARGATE", networkConfiguration: net,
    volumeConfigurations: [{ name, managedEBSVolume: ebs }],
  }));
  it("refuses a name that is not the configuredAtLaunch volume, a missing role, and sizes, IOPS and throughput out of range", async () => {
    const cases: [ServiceManagedEBSVolumeConfiguration | undefined, string, string?][] = [
      [{ roleArn: ROLE, sizeInGiB: 10 }, "does not match a volume configured at launch", "logs"],
      [{ roleArn: undefined, sizeInGiB: 10 }, "roleArn must be specified"],
      [{ roleArn: ROLE }, "Either sizeInGiB or snapshotId"],
      [{ roleArn: ROLE, volumeType: "st1", sizeInGiB: 100 }, "volume size in GiB must be between 125 and 16384 for volume type st1"],
      [{ roleArn: ROLE, volumeType: "io2", sizeInGiB: 100 }, "iops must be specified for volume type io2"],
      [{ roleArn: ROLE, volumeType: "gp3", sizeInGiB: 10, iops: 100 }, "iops must be between 3000 and 16000"],
      [{ roleArn: ROLE, volumeType: "gp2", sizeInGiB: 10, throughput: 200 }, "throughput is only supported for volume type gp3"],
      [{ roleArn: ROLE, volumeType: "standard", sizeInGiB: 10 }, "not supported on Fargate"],
    ];
    for (const [ebs, message, name] of cases) {
      const e = await rejection(create(ebs, name));
      expect([e.name, e.message], message).toEqual(["InvalidParameterException", expect.stringContaining(message)]);
    }
  });
  it("accepts a valid volume, and checks an update's volume configuration the same way", async () => {
    const { service } = await create({ roleArn: ROLE, sizeInGiB: 10 });
    expect(service!.deployments![0].volumeConfigurations).toEqual([{ name: "data", managedEBSVolume: { roleArn: ROLE, sizeInGiB: 10 } }]);
    const e = await rejection(sb.aws.ecs.send(new UpdateServiceCommand({
      cluster: "data", service: "db", volumeConfigurations: [{ name: "data", managedEBSVolume: { roleArn: ROLE, sizeInGiB: 10 } }, { name: "data", managedEBSVolume: { roleArn: ROLE, sizeInGiB: 10 } }],
    })));
    expect([e.name, e.message]).toEqual(["InvalidParameterException", "Only one volume configuration is supported per service."]);
  });
});

describe("a managed EBS volume for a standalone task (RunTask)", () => {
  it("creates the task's volume, attaches it while the task runs and deletes it when the task stops", async () => {
    const run = (name: string) => sb.aws.ecs.send(new RunTaskCommand({
      cluster: "data", taskDefinition: "db", launchType: "FARGATE", networkConfiguration: net,
      volumeConfigurations: [{ name, managedEBSVolume: { roleArn: ROLE, volumeType: "io2", sizeInGiB: 100, iops: 5000, terminationPolicy: { deleteOnTermination: true } } }],
    }));
    const wrong = await rejection(run("logs"));
    expect([wrong.name, wrong.message]).toEqual(["InvalidParameterException", expect.stringContaining("does not match a volume configured at launch")]);
    const { tasks } = await run("data");
    const ebs = async () => {
      const [t] = (await sb.aws.ecs.send(new DescribeTasksCommand({ cluster: "data", tasks: [tasks![0].taskArn!] }))).tasks!;
      const a = t.attachments!.find((x) => x.type === "AmazonElasticBlockStorage")!;
      return { status: a.status, ...Object.fromEntries(a.details!.map((d) => [d.name, d.value])) };
    };
    expect(await ebs()).toMatchObject({ status: "ATTACHING", volumeName: "data", volumeType: "io2", volumeSizeInGiB: "100" });
    await sb.step(60);
    expect((await ebs()).status).toBe("ATTACHED");
    await sb.aws.ecs.send(new StopTaskCommand({ cluster: "data", task: tasks![0].taskArn! }));
    await sb.step(120);
    expect((await ebs()).status).toBe("DELETED");
  });
});
