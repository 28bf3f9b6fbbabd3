import { describe, expect, it } from "vitest";
import { PRICE_TABLE, priceListQueries, readPriceList } from "../../domain/cost";
import { initialState } from "../core/state";
import { handleOperation } from "./engine";

// The sandbox's catalogue is the shipped tables in the Price List's shape: what a refresh reads
// back from it is, figure for figure, the shipped table.
const call = (op: string, input: unknown) => handleOperation(initialState(0), { region: "us-east-1", op, input, realNow: 0 });

function productsOf(q: ReturnType<typeof priceListQueries>[number]): string[] {
  const out: string[] = [];
  let NextToken: string | undefined;
  do {
    const r = call("GetProducts", { ...q, MaxResults: 2, ...(NextToken ? { NextToken } : {}) });
    if (r.error) throw r.error;
    const o = r.output as { PriceList: string[]; NextToken?: string };
    out.push(...o.PriceList);
    NextToken = o.NextToken;
  } while (NextToken);
  return out;
}

describe("the sandbox's Price List", () => {
  it("reads back every shipped Region exactly, whatever the page size", () => {
    for (const [region, shipped] of Object.entries(PRICE_TABLE.regions)) {
      const items = priceListQueries(region, Object.keys(shipped.ec2)).flatMap(productsOf);
      const r = readPriceList(region, items);
      if (!r.ok) throw new Error(`${region}: ${r.message}`);
      const usd = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, v) => (k === "source" || k === "date" ? undefined : v)));
      expect(usd(r.prices), region).toEqual(usd(shipped));
    }
  });

  it("answers in the API's shapes: filters, attribute values, and its errors", () => {
    const ecs = call("GetProducts", { ServiceCode: "AmazonECS", Filters: [{ Type: "CONTAINS", Field: "usagetype", Value: "Fargate-ARM" }, { Type: "ANY_OF", Field: "regionCode", Value: "us-east-1, eu-west-1" }] });
    const arm = (ecs.output as { PriceList: string[] }).PriceList.map((p) => JSON.parse(p).product.attributes.usagetype).sort();
    expect(arm).toEqual(["EU-Fargate-ARM-GB-Hours", "EU-Fargate-ARM-vCPU-Hours:perCPU", "USE1-Fargate-ARM-GB-Hours", "USE1-Fargate-ARM-vCPU-Hours:perCPU"]);
    expect(call("DescribeServices", {}).output).toMatchObject({ FormatVersion: "aws_v1", Services: [{ ServiceCode: "AWSELB" }, { ServiceCode: "AmazonEC2" }, { ServiceCode: "AmazonECS" }, { ServiceCode: "AmazonVPC" }] });
    expect(call("GetAttributeValues", { ServiceCode: "AWSELB", AttributeName: "operation" }).output).toEqual({ AttributeValues: [{ Value: "LoadBalancing:Application" }, { Value: "LoadBalancing:Network" }] });
    expect(call("GetProducts", { ServiceCode: "AmazonECS", Filters: [{ Type: "FUZZY", Field: "x", Value: "y" }] }).error?.type).toBe("InvalidParameterException");
    expect(call("GetProducts", {}).error?.message).toContain("at 'ServiceCode'");
    expect(call("GetAttributeValues", { ServiceCode: "AmazonECS", AttributeName: "nothing" }).error?.type).toBe("NotFoundException");
    expect(call("ListPriceLists", {}).error?.type).toBe("UnknownOperationException");
    const state = initialState(0);
    expect(handleOperation(state, { region: "us-east-1", op: "GetProducts", input: { ServiceCode: "AmazonVPC" }, realNow: 0 }).state).toBe(state);
  });
});
