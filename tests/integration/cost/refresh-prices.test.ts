import { DescribeServicesCommand, GetAttributeValuesCommand, GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { designCost, PRICE_TABLE } from "@/lib/domain/cost";
import { loadPriceTable, refreshPrices } from "@/lib/server/cost";
import { createEnvironment } from "@/lib/server/environments";
import type { AppContext } from "@/lib/server/context";
import { AwsCallError } from "@/lib/server/errors";
import { withDbAndSandbox, type DbAndSandbox } from "../helpers/db-and-sandbox";
import { cliInTempDir } from "../helpers/run-cli";
import { sampleDesign, steppingClock, testCtx } from "../helpers/fixtures";

// A price refresh through the real Pricing client, over HTTP, against the sandbox's Price List
// Query API: the products it answers (generated from the shipped tables, in the Price List's own
// shape) are read into a table, stored in price_tables, and the cost model then uses it.

let t: DbAndSandbox;
let ctx: AppContext;
let envId: string;
withDbAndSandbox(async (x) => {
  t = x;
  ctx = testCtx(x.db, { aws: x.sb.aws, clock: steppingClock(new Date("2026-12-20T09:00:00Z")) });
  const env = await createEnvironment({ ctx, input: { name: "priced", kind: "aws", region: "eu-west-1", readOnly: false, endpoint: x.sb.url } });
  envId = env.id;
});

const pricing = () => new PricingClient({ endpoint: `${t.sb.url}/sandbox/aws`, region: "us-east-1", maxAttempts: 1, credentials: { accessKeyId: "x", secretAccessKey: "x" } });

describe("the sandbox's Price List Query API", () => {
  it("answers GetProducts with TERM_MATCH filters, pages by NextToken, as JSON strings of Price List products", async () => {
    const client = pricing();
    const filters = [{ Type: "TERM_MATCH" as const, Field: "regionCode", Value: "us-east-1" }, { Type: "TERM_MATCH" as const, Field: "usagetype", Value: "USE1-Fargate-vCPU-Hours:perCPU" }];
    const r = await client.send(new GetProductsCommand({ ServiceCode: "AmazonECS", Filters: filters, FormatVersion: "aws_v1" }));
    expect(r.FormatVersion).toBe("aws_v1");
    const list = (r.PriceList ?? []) as unknown as unknown[];
    expect(list).toHaveLength(1);
    const product = JSON.parse(String(list[0]));
    expect(product).toMatchObject({
      serviceCode: "AmazonECS",
      product: { productFamily: "Compute", attributes: { servicecode: "AmazonECS", regionCode: "us-east-1", location: "US East (N. Virginia)", usagetype: "USE1-Fargate-vCPU-Hours:perCPU" } },
    });
    const dims = Object.values(product.terms.OnDemand as Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> }>)[0].priceDimensions;
    expect(Object.values(dims)[0].pricePerUnit.USD).toBe("0.0404800000");

    const first = await client.send(new GetProductsCommand({ ServiceCode: "AWSELB", Filters: [{ Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" }], MaxResults: 1 }));
    expect(first.NextToken).toBeDefined();
    const rest = await client.send(new GetProductsCommand({ ServiceCode: "AWSELB", Filters: [{ Type: "TERM_MATCH", Field: "regionCode", Value: "us-east-1" }], NextToken: first.NextToken }));
    expect([...((first.PriceList ?? []) as unknown as unknown[]), ...((rest.PriceList ?? []) as unknown as unknown[])]).toHaveLength(4);
    client.destroy();
  });

  it("lists services and attribute values, and refuses what AWS refuses in its error shapes", async () => {
    const client = pricing();
    const services = await client.send(new DescribeServicesCommand({ ServiceCode: "AmazonECS" }));
    expect(services.Services?.[0]).toMatchObject({ ServiceCode: "AmazonECS", AttributeNames: expect.arrayContaining(["usagetype", "regionCode", "location", "servicecode"]) });
    const values = await client.send(new GetAttributeValuesCommand({ ServiceCode: "AmazonECS", AttributeName: "regionCode" }));
    // Every Region with a Fargate price in the shipped tables (ap-southeast-2 has none that could be sourced).
    const withFargate = Object.values(PRICE_TABLE.regions).filter((r) => Object.keys(r.fargate).length > 0).map((r) => r.region).sort();
    expect(values.AttributeValues).toEqual(withFargate.map((Value) => ({ Value })));
    await expect(client.send(new GetProductsCommand({ ServiceCode: "AmazonNothing" }))).rejects.toMatchObject({ name: "NotFoundException" });
    await expect(client.send(new GetProductsCommand({ ServiceCode: "AmazonECS", NextToken: "not-a-token" }))).rejects.toMatchObject({ name: "InvalidNextTokenException" });
    await expect(client.send(new GetProductsCommand({ ServiceCode: "AmazonECS", MaxResults: 101 }))).rejects.toMatchObject({ name: "InvalidParameterException" });
    client.destroy();
  });
});

describe("refreshing prices from the Price List", () => {
  it("stores the Region's table, dated, and the cost model uses it with its date", async () => {
    const r = await refreshPrices({ ctx, input: { environmentId: envId, region: "us-east-1" } });
    expect(r).toMatchObject({ region: "us-east-1", priceDate: "2026-12-20", kept: [] });
    expect(r.instanceTypes).toEqual(Object.keys(PRICE_TABLE.regions["us-east-1"].ec2).sort());
    const row = await t.db.priceTableRefresh.findUniqueOrThrow({ where: { region: "us-east-1" } });
    expect(row).toMatchObject({ priceDate: "2026-12-20", environmentId: envId, products: r.products });

    const table = await loadPriceTable(ctx);
    const us = table.regions["us-east-1"];
    expect(us.date).toBe("2026-12-20");
    expect(us.fargate.linuxX86?.vcpuHour).toEqual({ usd: 0.04048, source: expect.stringMatching(/^AWS Price List API, GetProducts AmazonECS USE1-Fargate-vCPU-Hours:perCPU \(SKU [0-9A-Z]{16}\), published 2026-12-07$/) });
    expect(us.alb?.lcuHour.source).toContain("GetProducts AWSELB LCUUsage");
    expect(us.publicIpv4Hour?.usd).toBe(0.005);
    expect(us.ec2["m5.large"].usd).toBe(0.096);

    const cost = designCost(sampleDesign({ services: [{ ...sampleDesign().services[0], desiredCount: 1 }] }), { table });
    expect(cost.priceDate).toBe("2026-12-20");
    expect(cost.assumptions[0]).toContain("on-demand prices of us-east-1 read 2026-12-20");
    expect(Math.round(cost.total * 100) / 100).toBe(9.01);

    const audit = await t.db.auditEvent.findMany({ where: { environmentId: envId } });
    expect(audit.at(-1)).toMatchObject({ targetType: "environment", targetId: envId, after: { region: "us-east-1", priceDate: "2026-12-20" } });
  });

  it("refuses a Region the Price List and the shipped table both lack, storing nothing", async () => {
    await expect(refreshPrices({ ctx, input: { environmentId: envId, region: "sa-east-1" } })).rejects.toSatisfy((e) => e instanceof AwsCallError && /no Fargate, load balancer, public IPv4 or EC2 product for sa-east-1/.test(e.message));
    expect(await t.db.priceTableRefresh.findUnique({ where: { region: "sa-east-1" } })).toBeNull();
  });

  it("keeps the shipped table when the stored refresh is older than it", async () => {
    const old = testCtx(t.db, { aws: t.sb.aws, clock: steppingClock(new Date("2026-01-02T00:00:00Z")) });
    await refreshPrices({ ctx: old, input: { environmentId: envId, region: "us-east-1" } });
    const table = await loadPriceTable(ctx);
    expect(table.regions["us-east-1"].date).toBeUndefined();
    expect(designCost(sampleDesign(), { table }).priceDate).toBe(PRICE_TABLE.date);
  });
});

describe("stevedore cost --refresh-prices", () => {
  const { dir, run } = cliInTempDir("stevedore-cost-");

  it("reads the Region from the Price List at --endpoint and prices with it, dated today", async () => {
    writeFileSync(join(dir, "design.json"), JSON.stringify(sampleDesign({ services: [{ ...sampleDesign().services[0], desiredCount: 1 }] })));
    const r = await run("cost", "design.json", "--region", "us-east-1", "--refresh-prices", "--endpoint", `${t.sb.url}/sandbox/aws`, "--json");
    expect(r.err).toBe("");
    const cost = JSON.parse(r.out);
    expect(cost.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cost.priceDate).not.toBe(PRICE_TABLE.date);
    expect(Math.round(cost.total * 100) / 100).toBe(9.01);
    expect(r.code).toBe(0);
  });

  it("says why when the Price List cannot be read, and exits 2", async () => {
    const r = await run("cost", "design.json", "--region", "sa-east-1", "--refresh-prices", "--endpoint", `${t.sb.url}/sandbox/aws`);
    expect(r.err).toContain("--refresh-prices: the Price List has no Fargate, load balancer, public IPv4 or EC2 product for sa-east-1");
    expect(r.code).toBe(2);
  });

  it("prices another shipped Region without a refresh, naming what its table leaves out", async () => {
    const r = await run("cost", "design.json", "--region", "eu-central-1");
    expect(r.out).toContain("Monthly cost in eu-central-1 (prices of 2026-12-08, 730 h/month)");
    expect(r.out).toContain("Total: $10.36/mo");
    expect(r.code).toBe(0);
  });
});
