import { describe, expect, it } from "vitest";
import { handleEcsRequest } from "./http";
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
