import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ClientException, ConflictException, CreateClusterCommand, CreateServiceCommand, DeleteServiceCommand, DescribeContainerInstancesCommand,
  DescribeServicesCommand, DescribeTasksCommand, InvalidParameterException, ListContainerInstancesCommand, ListServicesCommand,
  ListTagsForResourceCommand, ListTasksCommand, RegisterContainerInstanceCommand, RegisterTaskDefinitionCommand,
  ResourceNotFoundException, RunTaskCommand, ServiceNotActiveException, ServiceNotFoundException, StopTaskCommand,
  TagResourceCommand, UntagResourceCommand, UpdateContainerInstancesStateCommand, UpdateServiceCommand,
  DeregisterContainerInstanceCommand,
} from "@aws-sdk/client-ecs";
import { startSandbox } from "./server";

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sb = await startSandbox();
  await sb.ecs.send(new CreateClusterCommand({ clusterName: "r" }));
  await sb.ecs.send(new RegisterTaskDefinitionCommand({
    family: "web", containerDefinitions: [{ name: "web", image: "nginx", memory: 512, cpu: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
  }));
  await sb.ecs.send(new RegisterTaskDefinitionCommand({
    family: "fg", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
    containerDefinitions: [{ name: "a", image: "nginx" }],
  }));
});
afterAll(async () => { await sb.close(); });

describe("container instances, tasks, services and tags", () => {
  it("registers, describes, lists, drains and deregisters container instances", async () => {
    const reg = await sb.ecs.send(new RegisterContainerInstanceCommand({
      cluster: "r", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0123456789abcdef0", instanceType: "t3.micro", availabilityZone: "us-east-1b" }),
      totalResources: [{ name: "CPU", type: "INTEGER", integerValue: 2048 }, { name: "MEMORY", type: "INTEGER", integerValue: 1024 }],
    }));
    const ci = reg.containerInstance!;
    expect(ci.containerInstanceArn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:container-instance\/r\/[0-9a-f]{32}$/);
    expect(ci.registeredResources?.find((r) => r.name === "MEMORY")?.integerValue).toBe(1024);
    await sb.control({ action: "addInstances", cluster: "r", count: 2, instanceType: "m5.large", availabilityZones: ["us-east-1a"] });
    const all = await sb.ecs.send(new ListContainerInstancesCommand({ cluster: "r" }));
    expect(all.containerInstanceArns).toHaveLength(3);
    const micro = await sb.ecs.send(new ListContainerInstancesCommand({ cluster: "r", filter: "attribute:ecs.instance-type == t3.micro" }));
    expect(micro.containerInstanceArns).toEqual([ci.containerInstanceArn]);
    const zoneA = await sb.ecs.send(new ListContainerInstancesCommand({ cluster: "r", filter: "attribute:ecs.availability-zone in [us-east-1a, us-east-1c]" }));
    expect(zoneA.containerInstanceArns).toHaveLength(2);
    const drained = await sb.ecs.send(new UpdateContainerInstancesStateCommand({ cluster: "r", containerInstances: [ci.containerInstanceArn!], status: "DRAINING" }));
    expect(drained.containerInstances?.[0].status).toBe("DRAINING");
    expect((await sb.ecs.send(new ListContainerInstancesCommand({ cluster: "r", status: "DRAINING" }))).containerInstanceArns).toHaveLength(1);
    const desc = await sb.ecs.send(new DescribeContainerInstancesCommand({ cluster: "r", containerInstances: [ci.containerInstanceArn!, "nope"] }));
    expect(desc.containerInstances?.[0].ec2InstanceId).toBe("i-0123456789abcdef0");
    expect(desc.failures?.[0].reason).toBe("MISSING");
    await sb.ecs.send(new DeregisterContainerInstanceCommand({ cluster: "r", containerInstance: ci.containerInstanceArn! }));
    expect((await sb.ecs.send(new ListContainerInstancesCommand({ cluster: "r" }))).containerInstanceArns).toHaveLength(2);
  });

  it("runs, lists, describes and stops tasks; fixed host ports limit placement", async () => {
    const run = await sb.ecs.send(new RunTaskCommand({ cluster: "r", taskDefinition: "web", count: 3, startedBy: "me" }));
    // Two m5.large instances, one fixed host port 8080 each: the third task cannot be placed.
    expect(run.tasks).toHaveLength(2);
    expect(run.failures).toEqual([expect.objectContaining({ reason: "RESOURCE:PORTS" })]);
    await expect(sb.ecs.send(new RunTaskCommand({ cluster: "r", taskDefinition: "web", count: 11 }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(sb.ecs.send(new RunTaskCommand({ cluster: "r", taskDefinition: "web", launchType: "FARGATE" })))
      .rejects.toThrow("Task definition does not support launch_type FARGATE.");
    await expect(sb.ecs.send(new RunTaskCommand({ cluster: "r", taskDefinition: "fg", launchType: "FARGATE" })))
      .rejects.toBeInstanceOf(InvalidParameterException);
    const fg = await sb.ecs.send(new RunTaskCommand({
      cluster: "r", taskDefinition: "fg", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    }));
    expect(fg.tasks?.[0]).toMatchObject({ launchType: "FARGATE", lastStatus: "PROVISIONING", platformVersion: "1.4.0" });
    await sb.step(10);
    const arns = [...run.tasks!, ...fg.tasks!].map((t) => t.taskArn!);
    const desc = await sb.ecs.send(new DescribeTasksCommand({ cluster: "r", tasks: arns }));
    expect(desc.tasks?.map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING", "RUNNING"]);
    expect(desc.tasks?.[0].startedAt).toBeInstanceOf(Date);
    expect(desc.tasks?.[0].containers?.[0].networkBindings?.[0]).toMatchObject({ containerPort: 80, hostPort: 8080 });
    await expect(sb.ecs.send(new DescribeTasksCommand({ cluster: "r", tasks: Array.from({ length: 101 }, (_, i) => `t${i}`) })))
      .rejects.toBeInstanceOf(InvalidParameterException);
    expect((await sb.ecs.send(new ListTasksCommand({ cluster: "r", family: "web" }))).taskArns).toHaveLength(2);
    expect((await sb.ecs.send(new ListTasksCommand({ cluster: "r", startedBy: "me", maxResults: 1 }))).nextToken).toBeDefined();
    const instance = desc.tasks![0].containerInstanceArn!;
    expect((await sb.ecs.send(new ListTasksCommand({ cluster: "r", containerInstance: instance }))).taskArns).toEqual([arns[0]]);

    const stop = await sb.ecs.send(new StopTaskCommand({ cluster: "r", task: arns[0], reason: "done" }));
    expect(stop.task?.desiredStatus).toBe("STOPPED");
    await expect(sb.ecs.send(new StopTaskCommand({ cluster: "r", task: "0".repeat(32) }))).rejects.toBeInstanceOf(InvalidParameterException);
    await sb.step(10);
    const stopped = await sb.ecs.send(new ListTasksCommand({ cluster: "r", desiredStatus: "STOPPED" }));
    expect(stopped.taskArns).toEqual([arns[0]]);
    const gone = (await sb.ecs.send(new DescribeTasksCommand({ cluster: "r", tasks: [arns[0]] }))).tasks![0];
    expect(gone).toMatchObject({ lastStatus: "STOPPED", stopCode: "UserInitiated", stoppedReason: "done" });
    expect(gone.containers?.[0].exitCode).toBe(143);
    await sb.ecs.send(new StopTaskCommand({ cluster: "r", task: arns[1] }));
    await sb.ecs.send(new StopTaskCommand({ cluster: "r", task: arns[2] }));
  });

  it("runs a task once per client token in a cluster, as ECS does", async () => {
    await sb.ecs.send(new CreateClusterCommand({ clusterName: "idem" }));
    const input = {
      cluster: "idem", taskDefinition: "fg", launchType: "FARGATE" as const, count: 2, clientToken: "run-1",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    };
    const first = await sb.ecs.send(new RunTaskCommand(input));
    const again = await sb.ecs.send(new RunTaskCommand(input));
    expect(first.tasks).toHaveLength(2);
    expect(again.tasks?.map((t) => t.taskArn)).toEqual(first.tasks?.map((t) => t.taskArn));
    expect((await sb.ecs.send(new ListTasksCommand({ cluster: "idem" }))).taskArns).toHaveLength(2);
    const conflict = await sb.ecs.send(new RunTaskCommand({ ...input, count: 1 })).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConflictException);
    expect((conflict as ConflictException).resourceIds?.sort()).toEqual(first.tasks?.map((t) => t.taskArn).sort());
    // The token is per cluster, and the SDK makes a fresh one for every call that gives none.
    await sb.ecs.send(new CreateClusterCommand({ clusterName: "idem-2" }));
    expect((await sb.ecs.send(new RunTaskCommand({ ...input, cluster: "idem-2" }))).tasks).toHaveLength(2);
    const { clientToken: _none, ...untokened } = input;
    await sb.ecs.send(new RunTaskCommand(untokened));
    await sb.ecs.send(new RunTaskCommand(untokened));
    expect((await sb.ecs.send(new ListTasksCommand({ cluster: "idem" }))).taskArns).toHaveLength(6);
    await expect(sb.ecs.send(new RunTaskCommand({ ...input, clientToken: "x".repeat(65) }))).rejects.toBeInstanceOf(ClientException);
  });

  it("creates services idempotently and enforces service rules", async () => {
    const input = { cluster: "r", serviceName: "svc", taskDefinition: "web", desiredCount: 1, clientToken: "tok-1" };
    const a = await sb.ecs.send(new CreateServiceCommand(input));
    const b = await sb.ecs.send(new CreateServiceCommand(input));
    expect(b.service?.serviceArn).toBe(a.service?.serviceArn);
    expect(a.service?.serviceArn).toBe("arn:aws:ecs:us-east-1:000000000000:service/r/svc");
    await expect(sb.ecs.send(new CreateServiceCommand({ ...input, desiredCount: 2 }))).rejects.toThrow("Creation of service was not idempotent.");
    await expect(sb.ecs.send(new CreateServiceCommand({ ...input, clientToken: undefined }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(sb.ecs.send(new CreateServiceCommand({ ...input, serviceName: "x", taskDefinition: "nope" }))).rejects.toBeInstanceOf(ClientException);
    for (let i = 0; i < 11; i++) await sb.ecs.send(new CreateServiceCommand({ cluster: "r", serviceName: `s${i}`, taskDefinition: "web", desiredCount: 0 }));
    const first = await sb.ecs.send(new ListServicesCommand({ cluster: "r" }));
    expect(first.serviceArns).toHaveLength(10);
    const second = await sb.ecs.send(new ListServicesCommand({ cluster: "r", nextToken: first.nextToken }));
    expect(second.serviceArns).toHaveLength(2);
    await expect(sb.ecs.send(new DescribeServicesCommand({ cluster: "r", services: Array.from({ length: 11 }, (_, i) => `s${i}`) })))
      .rejects.toBeInstanceOf(InvalidParameterException);
    await expect(sb.ecs.send(new UpdateServiceCommand({ cluster: "r", service: "ghost", desiredCount: 1 }))).rejects.toBeInstanceOf(ServiceNotFoundException);
    await expect(sb.ecs.send(new ListTasksCommand({ cluster: "r", serviceName: "ghost" }))).rejects.toBeInstanceOf(ServiceNotFoundException);
    await expect(sb.ecs.send(new DeleteServiceCommand({ cluster: "r", service: "svc" }))).rejects.toThrow("The service cannot be stopped while it is scaled above 0.");
    const del = await sb.ecs.send(new DeleteServiceCommand({ cluster: "r", service: "svc", force: true }));
    expect(del.service?.status).toBe("DRAINING");
    await expect(sb.ecs.send(new UpdateServiceCommand({ cluster: "r", service: "svc", desiredCount: 1 }))).rejects.toBeInstanceOf(ServiceNotActiveException);
    await sb.step(30);
    const d = await sb.ecs.send(new DescribeServicesCommand({ cluster: "r", services: ["svc", "never"] }));
    expect(d.services?.[0].status).toBe("INACTIVE");
    expect(d.failures?.[0].reason).toBe("MISSING");
  });

  it("tags clusters, services, tasks, task definitions and container instances", async () => {
    const clusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/r";
    await sb.ecs.send(new TagResourceCommand({ resourceArn: clusterArn, tags: [{ key: "a", value: "1" }, { key: "b", value: "2" }] }));
    await sb.ecs.send(new UntagResourceCommand({ resourceArn: clusterArn, tagKeys: ["a"] }));
    expect((await sb.ecs.send(new ListTagsForResourceCommand({ resourceArn: clusterArn }))).tags).toEqual([{ key: "b", value: "2" }]);
    const tdArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1";
    await sb.ecs.send(new TagResourceCommand({ resourceArn: tdArn, tags: [{ key: "k", value: "v" }] }));
    expect((await sb.ecs.send(new ListTagsForResourceCommand({ resourceArn: tdArn }))).tags).toEqual([{ key: "k", value: "v" }]);
    const svcArn = "arn:aws:ecs:us-east-1:000000000000:service/r/s0";
    await sb.ecs.send(new TagResourceCommand({ resourceArn: svcArn, tags: [{ key: "s", value: "1" }] }));
    expect((await sb.ecs.send(new ListTagsForResourceCommand({ resourceArn: svcArn }))).tags).toHaveLength(1);
    const ci = (await sb.ecs.send(new ListContainerInstancesCommand({ cluster: "r" }))).containerInstanceArns![0];
    await sb.ecs.send(new TagResourceCommand({ resourceArn: ci, tags: [{ key: "rack", value: "7" }] }));
    expect((await sb.ecs.send(new ListTagsForResourceCommand({ resourceArn: ci }))).tags).toEqual([{ key: "rack", value: "7" }]);
    await expect(sb.ecs.send(new ListTagsForResourceCommand({ resourceArn: "arn:aws:ecs:us-east-1:000000000000:cluster/none" })))
      .rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(sb.ecs.send(new ListTagsForResourceCommand({ resourceArn: "not-an-arn" }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(sb.ecs.send(new TagResourceCommand({ resourceArn: clusterArn, tags: [{ key: "aws:x", value: "1" }] })))
      .rejects.toBeInstanceOf(InvalidParameterException);
  });
});
