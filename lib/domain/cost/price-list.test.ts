import { describe, expect, it } from "vitest";
import { designCost } from "./model";
import { bareUsageType, priceListQueries, readPriceList } from "./price-list";
import { PRICE_TABLE, priceTableWith } from "./prices";

// Products in the Price List's own shape (GetProducts, FormatVersion aws_v1), with the us-east-1
// figures AWS publishes: $0.04048 per vCPU-hour and $0.004445 per GB-hour for Linux x86 Fargate.
const product = (serviceCode: string, attributes: Record<string, string>, usd: string, productFamily?: string) => JSON.stringify({
  serviceCode,
  product: { sku: "JRTCKXETXFSKU001", ...(productFamily ? { productFamily } : {}), attributes: { servicecode: serviceCode, regionCode: "us-east-1", location: "US East (N. Virginia)", ...attributes } },
  terms: { OnDemand: { "SKU.JRTCKXETXF": { offerTermCode: "JRTCKXETXF", effectiveDate: "2026-11-01T00:00:00Z", priceDimensions: { "SKU.JRTCKXETXF.6YS6EN2CT7": { unit: "hours", beginRange: "0", endRange: "Inf", pricePerUnit: { USD: usd } } } } } },
  version: "20261101000000",
  publicationDate: "2026-11-01T00:00:00Z",
});
const fargate = [
  product("AmazonECS", { usagetype: "USE1-Fargate-vCPU-Hours:perCPU", cputype: "perCPU" }, "0.0404800000", "Compute"),
  product("AmazonECS", { usagetype: "USE1-Fargate-GB-Hours", memorytype: "perGB" }, "0.0044450000", "Compute"),
];

describe("reading the Price List into the cost table", () => {
  it("reads Fargate's products into the table, and the model prices the published example at $9.01", () => {
    const r = readPriceList("us-east-1", fargate, PRICE_TABLE.regions["us-east-1"]);
    if (!r.ok) throw new Error(r.message);
    expect(r.read).toBe(2);
    expect(r.prices.fargate.linuxX86?.vcpuHour).toEqual({ usd: 0.04048, source: "AWS Price List API, GetProducts AmazonECS USE1-Fargate-vCPU-Hours:perCPU (SKU JRTCKXETXFSKU001), published 2026-11-01" });
    // What the Price List did not give is kept from the shipped table, and named.
    expect(r.kept).toContain("Fargate Linux ARM vCPU-hour");
    expect(r.prices.alb).toEqual(PRICE_TABLE.regions["us-east-1"].alb);
    const cost = designCost({
      schemaVersion: 1, clusters: [{ id: "c", clusterName: "main" }], layout: {},
      taskDefinitions: [{ id: "t", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx" }] }],
      services: [{ id: "s", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE" }],
    }, { table: priceTableWith([{ ...r.prices, date: "2026-12-09" }]) });
    expect(Math.round(cost.total * 100) / 100).toBe(9.01);
    expect(cost.priceDate).toBe("2026-12-09");
  });

  it("reads load balancers by product family, public IPv4 by usage type and only on-demand shared Linux EC2 without software", () => {
    const items = [
      product("AWSELB", { usagetype: "EU-LoadBalancerUsage", operation: "LoadBalancing:Application", regionCode: "eu-west-1" }, "0.0252000000", "Load Balancer-Application"),
      product("AWSELB", { usagetype: "EU-LCUUsage", operation: "LoadBalancing:Application", regionCode: "eu-west-1" }, "0.0080000000", "Load Balancer-Application"),
      product("AWSELB", { usagetype: "EU-LoadBalancerUsage", operation: "LoadBalancing:Network", regionCode: "eu-west-1" }, "0.0252000000", "Load Balancer-Network"),
      product("AmazonVPC", { usagetype: "EU-PublicIPv4:InUseAddress", regionCode: "eu-west-1" }, "0.0050000000"),
      product("AmazonVPC", { usagetype: "EU-PublicIPv4:IdleAddress", regionCode: "eu-west-1" }, "0.0050000000"),
      product("AmazonEC2", { usagetype: "EU-BoxUsage:m5.large", instanceType: "m5.large", operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used", regionCode: "eu-west-1" }, "0.1070000000", "Compute Instance"),
      product("AmazonEC2", { usagetype: "EU-BoxUsage:m5.xlarge", instanceType: "m5.xlarge", operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "SQL Std", capacitystatus: "Used", regionCode: "eu-west-1" }, "1.2000000000", "Compute Instance"),
      product("AmazonEC2", { usagetype: "EU-DedicatedUsage:m5.large", instanceType: "m5.large", operatingSystem: "Linux", tenancy: "Dedicated", regionCode: "eu-west-1" }, "0.2000000000", "Compute Instance"),
      // Another Region's product in the answer is not this Region's price.
      product("AmazonVPC", { usagetype: "USE1-PublicIPv4:InUseAddress" }, "0.0090000000"),
    ];
    const r = readPriceList("eu-west-1", items);
    if (!r.ok) throw new Error(r.message);
    expect(r.prices.alb).toMatchObject({ hour: { usd: 0.0252 }, lcuHour: { usd: 0.008 } });
    expect(r.prices.nlb).toBeUndefined();
    expect(r.prices.publicIpv4Hour?.usd).toBe(0.005);
    expect(r.prices.ec2).toEqual({ "m5.large": expect.objectContaining({ usd: 0.107 }) });
    expect(r.prices.fargate).toEqual({});
    expect(r.missing).toEqual(expect.arrayContaining(["Fargate Linux x86 vCPU-hour", "NLB NLCU-hour", "Fargate ephemeral storage GB-hour"]));
  });

  it("refuses what is not a Price List product, and an answer with nothing the table uses", () => {
    expect(readPriceList("us-east-1", ["{not json"])).toEqual({ ok: false, message: "PriceList[0] is not JSON" });
    expect(readPriceList("us-east-1", [JSON.stringify({ serviceCode: "AmazonECS", product: {} })])).toMatchObject({ ok: false, message: expect.stringContaining("PriceList[0] is not a Price List product: product.attributes") });
    expect(readPriceList("us-east-1", [product("AmazonECS", { usagetype: "USE1-ECS-Anywhere-Instance-hours" }, "0.0102500000")])).toMatchObject({ ok: false, message: expect.stringContaining("no Fargate, load balancer, public IPv4 or EC2 product for us-east-1") });
    expect(readPriceList("us-east-1", [product("AmazonECS", { usagetype: "USE1-Fargate-GB-Hours" }, "free")])).toMatchObject({ ok: false });
  });

  it("strips a usage type's Region prefix, and leaves us-east-1's unprefixed EC2 and ELB types alone", () => {
    expect(["USE1-Fargate-GB-Hours", "EU-LCUUsage", "APS2-Fargate-vCPU-Hours:perCPU", "BoxUsage:m5.large", "LCUUsage", "LoadBalancerUsage"].map(bareUsageType))
      .toEqual(["Fargate-GB-Hours", "LCUUsage", "Fargate-vCPU-Hours:perCPU", "BoxUsage:m5.large", "LCUUsage", "LoadBalancerUsage"]);
  });

  it("asks with TERM_MATCH filters on the Region, one EC2 query per instance type", () => {
    const q = priceListQueries("eu-central-1", ["m5.large", "t3.large"]);
    expect(q.map((x) => x.ServiceCode)).toEqual(["AmazonECS", "AWSELB", "AWSELB", "AmazonVPC", "AmazonEC2", "AmazonEC2"]);
    expect(q.every((x) => x.Filters.every((f) => f.Type === "TERM_MATCH") && x.Filters.some((f) => f.Field === "regionCode" && f.Value === "eu-central-1"))).toBe(true);
    expect(q[3].Filters).toContainEqual({ Type: "TERM_MATCH", Field: "usagetype", Value: "EUC1-PublicIPv4:InUseAddress" });
    expect(q[4].Filters).toContainEqual({ Type: "TERM_MATCH", Field: "instanceType", Value: "m5.large" });
  });
});
