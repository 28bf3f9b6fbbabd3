import { describe, expect, it } from "vitest";
import { handleEcsRequest, sandboxCall } from "./http";
import { MemoryStore, Mutex } from "./store";

const deps = () => ({ store: new MemoryStore(), mutex: new Mutex(), now: () => 1_700_000_000_000 });
const call = (d: ReturnType<typeof deps>, op: string, body: unknown) =>
  handleEcsRequest({ headers: { "X-Amz-Target": `AmazonEC2ContainerServiceV20141113.${op}` }, body: JSON.stringify(body) }, d);

describe("http adapter", () => {
  it("answers typed errors with __type and the error-type header", async () => {
    const d = deps();
    const res = await call(d, "DeleteCluster", { cluster: "none" });
    expect(res.status).toBe(400);
    expect(res.headers["x-amzn-errortype"]).toBe("ClusterNotFoundException");
    expect(JSON.parse(res.body)).toEqual({ __type: "ClusterNotFoundException", message: "Cluster not found." });
    const unknown = await call(d, "Nope", {});
    expect(JSON.parse(unknown.body).__type).toBe("UnknownOperationException");
    const notObject = await handleEcsRequest({ headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters" }, body: "[1]" }, d);
    expect(JSON.parse(notObject.body).__type).toBe("ClientException");
  });

  it("serialises concurrent requests so no update is lost", async () => {
    const d = deps();
    await Promise.all(Array.from({ length: 20 }, (_, i) => call(d, "CreateCluster", { clusterName: `c${i}` })));
    const list = JSON.parse((await call(d, "ListClusters", {})).body);
    expect(list.clusterArns).toHaveLength(20);
  });

  it("keeps dates as epoch seconds", async () => {
    const d = deps();
    await call(d, "RegisterTaskDefinition", { family: "f", containerDefinitions: [{ name: "a", image: "x", memory: 64 }] });
    const td = JSON.parse((await call(d, "DescribeTaskDefinition", { taskDefinition: "f" })).body).taskDefinition;
    expect(td.registeredAt).toBe(1_700_000_000);
  });
});

describe("sandboxCall", () => {
  const scope = (service: string) => `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261204/eu-west-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`;
  it("names the protocol, service and operation a request asks for, and whether it only reads", () => {
    expect(sandboxCall("ecs", { headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters" }, body: "{}" }))
      .toEqual({ protocol: "json", service: "ecs", operation: "ListClusters", reads: true });
    expect(sandboxCall("aws", { headers: { authorization: scope("elasticloadbalancing") }, body: "Action=CreateLoadBalancer&Version=2015-12-01" }))
      .toEqual({ protocol: "awsQuery", service: "elasticloadbalancing", operation: "CreateLoadBalancer", reads: false });
    expect(sandboxCall("aws", { headers: { authorization: scope("ec2") }, body: "Action=DescribeVpcs&Version=2016-11-15" }))
      .toEqual({ protocol: "ec2Query", service: "ec2", operation: "DescribeVpcs", reads: true });
    expect(sandboxCall("control", { headers: {}, body: JSON.stringify({ action: "reset" }) })).toEqual({ protocol: "json", service: "sandbox", operation: "reset", reads: false });
    // No operation named: not a read, so it needs the most.
    expect(sandboxCall("ecs", { headers: {}, body: "{}" })).toMatchObject({ operation: undefined, reads: false });
  });
});
