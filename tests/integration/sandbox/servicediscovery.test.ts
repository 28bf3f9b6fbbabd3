import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import {
  CreateHttpNamespaceCommand, CreatePrivateDnsNamespaceCommand, DeleteNamespaceCommand, DiscoverInstancesCommand, GetNamespaceCommand,
  GetOperationCommand, GetServiceCommand, ListInstancesCommand, ListNamespacesCommand, ListServicesCommand, ServiceDiscoveryServiceException,
  paginateListNamespaces,
} from "@aws-sdk/client-servicediscovery";
import { rejection as failed, startSandbox } from "./server";

// AWS Cloud Map over awsJson1_1 (X-Amz-Target Route53AutoNaming_v20170314.<Op>), through the real
// ServiceDiscoveryClient at /sandbox/aws.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox("eu-west-1"); });
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<ServiceDiscoveryServiceException>(call);

describe("Cloud Map namespaces", () => {
  it("creates an HTTP namespace: an operation that succeeds, then the namespace with its tags' absence and HttpName", async () => {
    const sd = sb.aws.servicediscovery;
    const { OperationId } = await sd.send(new CreateHttpNamespaceCommand({ Name: "shop", Description: "the shop's services", Tags: [{ Key: "team", Value: "web" }] }));
    expect(OperationId).toMatch(/^[0-9a-f]{32}-[0-9a-f]{8}$/);
    const { Operation } = await sd.send(new GetOperationCommand({ OperationId }));
    expect(Operation).toMatchObject({ Id: OperationId, Type: "CREATE_NAMESPACE", Status: "SUCCESS", OwnerAccount: "000000000000" });
    const id = Operation!.Targets!.NAMESPACE!;
    expect(id).toMatch(/^ns-[0-9a-f]{16}$/);
    const { Namespace } = await sd.send(new GetNamespaceCommand({ Id: id }));
    expect(Namespace).toMatchObject({
      Id: id, Arn: `arn:aws:servicediscovery:eu-west-1:000000000000:namespace/${id}`, Name: "shop", Type: "HTTP",
      Description: "the shop's services", ServiceCount: 0, Properties: { HttpProperties: { HttpName: "shop" } },
    });
    expect(Namespace!.CreateDate).toBeInstanceOf(Date);
    // The SDK fills CreatorRequestId with an idempotency token when none is given.
    expect(Namespace!.CreatorRequestId).toBeTruthy();
  });

  it("refuses a second namespace of the same name, and a reused CreatorRequestId", async () => {
    const sd = sb.aws.servicediscovery;
    const clash = await rejection(sd.send(new CreateHttpNamespaceCommand({ Name: "shop" })));
    expect(clash.name).toBe("NamespaceAlreadyExists");
    expect((clash as unknown as { NamespaceId: string }).NamespaceId).toMatch(/^ns-/);
    await sd.send(new CreateHttpNamespaceCommand({ Name: "once", CreatorRequestId: "req-1" }));
    const dup = await rejection(sd.send(new CreateHttpNamespaceCommand({ Name: "twice", CreatorRequestId: "req-1" })));
    expect(dup.name).toBe("DuplicateRequest");
    expect((dup as unknown as { DuplicateOperationId: string }).DuplicateOperationId).toBeTruthy();
  });

  it("creates a private DNS namespace in an existing VPC only", async () => {
    const sd = sb.aws.servicediscovery;
    const { Vpcs } = await sb.aws.ec2.send(new DescribeVpcsCommand({}));
    const { OperationId } = await sd.send(new CreatePrivateDnsNamespaceCommand({ Name: "internal.local", Vpc: Vpcs![0].VpcId }));
    const { Operation } = await sd.send(new GetOperationCommand({ OperationId }));
    const { Namespace } = await sd.send(new GetNamespaceCommand({ Id: Operation!.Targets!.NAMESPACE }));
    expect(Namespace).toMatchObject({ Name: "internal.local", Type: "DNS_PRIVATE" });
    expect(Namespace!.Properties!.DnsProperties!.HostedZoneId).toMatch(/^Z[0-9A-F]{13}$/);
    const bad = await rejection(sd.send(new CreatePrivateDnsNamespaceCommand({ Name: "x.local", Vpc: "vpc-00000000000000000" })));
    expect(bad.name).toBe("InvalidInput");
  });

  it("lists namespaces with TYPE and NAME filters, and pages", async () => {
    const sd = sb.aws.servicediscovery;
    const http = await sd.send(new ListNamespacesCommand({ Filters: [{ Name: "TYPE", Values: ["HTTP"] }] }));
    expect(http.Namespaces!.map((n) => n.Name)).toEqual(["shop", "once"]);
    const dns = await sd.send(new ListNamespacesCommand({ Filters: [{ Name: "TYPE", Values: ["DNS_PRIVATE", "DNS_PUBLIC"], Condition: "IN" }] }));
    expect(dns.Namespaces!.map((n) => n.Name)).toEqual(["internal.local"]);
    const named = await sd.send(new ListNamespacesCommand({ Filters: [{ Name: "NAME", Values: ["sh"], Condition: "BEGINS_WITH" }] }));
    expect(named.Namespaces!.map((n) => n.Name)).toEqual(["shop"]);
    const names: string[] = [];
    for await (const p of paginateListNamespaces({ client: sd, pageSize: 1 }, {})) names.push(...p.Namespaces!.map((n) => n.Name!));
    expect(names).toEqual(["shop", "once", "internal.local"]);
    expect((await rejection(sd.send(new ListNamespacesCommand({ Filters: [{ Name: "TYPE", Values: ["HTTP"], Condition: "BEGINS_WITH" }] })))).name).toBe("InvalidInput");
  });

  it("answers NamespaceNotFound, ServiceNotFound and OperationNotFound", async () => {
    const sd = sb.aws.servicediscovery;
    expect((await rejection(sd.send(new GetNamespaceCommand({ Id: "ns-0000000000000000" })))).name).toBe("NamespaceNotFound");
    expect((await rejection(sd.send(new GetServiceCommand({ Id: "srv-0000000000000000" })))).name).toBe("ServiceNotFound");
    expect((await rejection(sd.send(new ListInstancesCommand({ ServiceId: "srv-0000000000000000" })))).name).toBe("ServiceNotFound");
    expect((await rejection(sd.send(new GetOperationCommand({ OperationId: "nope" })))).name).toBe("OperationNotFound");
    expect((await rejection(sd.send(new DiscoverInstancesCommand({ NamespaceName: "nowhere", ServiceName: "api" })))).name).toBe("NamespaceNotFound");
    expect((await rejection(sd.send(new DiscoverInstancesCommand({ NamespaceName: "shop", ServiceName: "api" })))).name).toBe("ServiceNotFound");
  });

  it("deletes a namespace without services", async () => {
    const sd = sb.aws.servicediscovery;
    const { Namespaces } = await sd.send(new ListNamespacesCommand({ Filters: [{ Name: "NAME", Values: ["once"] }] }));
    const { OperationId } = await sd.send(new DeleteNamespaceCommand({ Id: Namespaces![0].Id }));
    expect((await sd.send(new GetOperationCommand({ OperationId }))).Operation).toMatchObject({ Type: "DELETE_NAMESPACE", Status: "SUCCESS" });
    expect((await rejection(sd.send(new GetNamespaceCommand({ Id: Namespaces![0].Id })))).name).toBe("NamespaceNotFound");
    expect((await sd.send(new ListServicesCommand({}))).Services).toEqual([]);
  });
});
