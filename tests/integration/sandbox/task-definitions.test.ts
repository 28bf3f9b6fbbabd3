import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ClientException, DeregisterTaskDefinitionCommand, DescribeTaskDefinitionCommand, ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput,
} from "@aws-sdk/client-ecs";
import { startSandbox } from "./server";

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });

const fargate = (over: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family: "api", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
  containerDefinitions: [{ name: "api", image: "public.ecr.aws/nginx/nginx:1", portMappings: [{ containerPort: 80 }] }],
  ...over,
});

async function rejection(input: RegisterTaskDefinitionCommandInput) {
  const err = await sb.ecs.send(new RegisterTaskDefinitionCommand(input)).catch((e) => e);
  expect(err).toBeInstanceOf(ClientException);
  return (err as Error).message;
}

describe("task definitions", () => {
  it("registers revisions, describes them with tags, lists and deregisters", async () => {
    const r1 = await sb.ecs.send(new RegisterTaskDefinitionCommand({ ...fargate(), tags: [{ key: "team", value: "a" }] }));
    expect(r1.taskDefinition).toMatchObject({
      taskDefinitionArn: "arn:aws:ecs:us-east-1:000000000000:task-definition/api:1", revision: 1, status: "ACTIVE",
      compatibilities: ["EC2", "FARGATE"],
    });
    expect(r1.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    expect(r1.taskDefinition?.containerDefinitions?.[0].portMappings?.[0]).toMatchObject({ containerPort: 80, hostPort: 80, protocol: "tcp" });
    await sb.ecs.send(new RegisterTaskDefinitionCommand(fargate()));
    await sb.ecs.send(new RegisterTaskDefinitionCommand({ ...fargate(), family: "worker" }));

    const latest = await sb.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "api" }));
    expect(latest.taskDefinition?.revision).toBe(2);
    expect(latest.tags).toBeUndefined();
    const tagged = await sb.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "api:1", include: ["TAGS"] }));
    expect(tagged.tags).toEqual([{ key: "team", value: "a" }]);
    await expect(sb.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: "nope" }))).rejects.toBeInstanceOf(ClientException);

    const list = await sb.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: "api", sort: "DESC" }));
    expect(list.taskDefinitionArns?.map((a) => a.split("/")[1])).toEqual(["api:2", "api:1"]);
    const paged = await sb.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 2 }));
    expect(paged.taskDefinitionArns).toHaveLength(2);
    const rest = await sb.ecs.send(new ListTaskDefinitionsCommand({ maxResults: 2, nextToken: paged.nextToken }));
    expect(rest.taskDefinitionArns).toHaveLength(1);
    expect(rest.nextToken).toBeUndefined();

    await expect(sb.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "worker" }))).rejects.toBeInstanceOf(ClientException);
    const dereg = await sb.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: "worker:1" }));
    expect(dereg.taskDefinition?.status).toBe("INACTIVE");
    expect(dereg.taskDefinition?.deregisteredAt).toBeInstanceOf(Date);
    expect((await sb.ecs.send(new ListTaskDefinitionFamiliesCommand({}))).families).toEqual(["api"]);
    expect((await sb.ecs.send(new ListTaskDefinitionFamiliesCommand({ status: "INACTIVE" }))).families).toEqual(["worker"]);
    expect((await sb.ecs.send(new ListTaskDefinitionsCommand({ status: "INACTIVE" }))).taskDefinitionArns).toHaveLength(1);
  });

  it("validates server-side with ECS's messages, one problem per call", async () => {
    expect(await rejection(fargate({ cpu: "300" }))).toBe("Invalid 'cpu' setting for task.");
    expect(await rejection(fargate({ memory: "4096" }))).toMatch(/^No Fargate configuration exists for given values: 256 CPU, 4096 memory/);
    expect(await rejection(fargate({ networkMode: "bridge" }))).toBe("Fargate only supports network mode 'awsvpc'.");
    expect(await rejection(fargate({
      containerDefinitions: [{ name: "api", image: "x", logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "p" } } }],
    }))).toBe("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
    expect(await rejection(fargate({ containerDefinitions: [{ name: "", image: "x" }] }))).toBe("Container.name should not be null or empty.");
    expect(await rejection(fargate({ containerDefinitions: [{ name: "a", image: "x", portMappings: [{ containerPort: 80, hostPort: 8080 }] }] })))
      .toBe("When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    expect(await rejection({ family: "ec2", containerDefinitions: [{ name: "a", image: "x" }] }))
      .toBe("Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.");
    const ec2Only = await sb.ecs.send(new RegisterTaskDefinitionCommand({ family: "ec2", containerDefinitions: [{ name: "a", image: "x", memory: 128 }] }));
    expect(ec2Only.taskDefinition?.compatibilities).toEqual(["EC2"]);
  });
});
