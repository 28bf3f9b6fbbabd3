import { z } from "zod";
import type { FargateRates, RegionPrices, SourcedPrice } from "./prices";

// The AWS Price List Query API's products (GetProducts, FormatVersion aws_v1) read into the cost
// model's table shape. Pure: the edge makes the calls and hands the PriceList strings in.
// https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html
// Each PriceList item is one product as a JSON string: product.attributes (servicecode,
// regionCode, usagetype, …), and terms.OnDemand.<offer>.priceDimensions.<rate>.pricePerUnit.USD.

const PriceDimensionSchema = z.object({
  unit: z.string(),
  pricePerUnit: z.record(z.string(), z.string()),
  beginRange: z.string().optional(),
  endRange: z.string().optional(),
  description: z.string().optional(),
  rateCode: z.string().optional(),
});
const TermSchema = z.object({ priceDimensions: z.record(z.string(), PriceDimensionSchema), effectiveDate: z.string().optional(), offerTermCode: z.string().optional() });

/** One product of a PriceList, as GetProducts returns it (unknown members are kept out, not refused). */
export const PriceListProductSchema = z.object({
  serviceCode: z.string(),
  product: z.object({ sku: z.string().optional(), productFamily: z.string().optional(), attributes: z.record(z.string(), z.string()) }),
  terms: z.object({ OnDemand: z.record(z.string(), TermSchema).optional() }),
  publicationDate: z.string().optional(),
});
export type PriceListProduct = z.infer<typeof PriceListProductSchema>;

/** One GetProducts query: a service code and TERM_MATCH filters, as the SDK takes them. */
export type PriceListQuery = { ServiceCode: string; Filters: { Type: "TERM_MATCH"; Field: string; Value: string }[] };

/**
 * The Region prefix of usage types ("EUC1-Fargate-GB-Hours"), as the Price List and the Cost and
 * Usage Report spell them; us-east-1's EC2 and ELB usage types carry none ("BoxUsage:m5.large").
 */
export const USAGE_TYPE_PREFIX: Readonly<Record<string, string>> = {
  "us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2", "ca-central-1": "CAN1", "sa-east-1": "SAE1",
  "eu-west-1": "EU", "eu-west-2": "EUW2", "eu-west-3": "EUW3", "eu-central-1": "EUC1", "eu-north-1": "EUN1",
  "ap-southeast-1": "APS1", "ap-southeast-2": "APS2", "ap-south-1": "APS3", "ap-northeast-1": "APN1", "ap-northeast-2": "APN2",
};

const term = (Field: string, Value: string) => ({ Type: "TERM_MATCH" as const, Field, Value });

/**
 * What a refresh of `region` asks the Price List for: Fargate (AmazonECS), Application and Network
 * Load Balancers (AWSELB), public IPv4 (AmazonVPC) and on-demand Linux EC2 instances of the
 * given types (AmazonEC2: one query per type; unfiltered, the Region has tens of thousands).
 */
export function priceListQueries(region: string, instanceTypes: readonly string[]): PriceListQuery[] {
  const r = term("regionCode", region);
  return [
    { ServiceCode: "AmazonECS", Filters: [r, term("productFamily", "Compute")] },
    { ServiceCode: "AWSELB", Filters: [r, term("productFamily", "Load Balancer-Application")] },
    { ServiceCode: "AWSELB", Filters: [r, term("productFamily", "Load Balancer-Network")] },
    // Public IPv4 has no product family of its own: it is asked for by its usage type, or the whole of the Region's AmazonVPC.
    { ServiceCode: "AmazonVPC", Filters: USAGE_TYPE_PREFIX[region] ? [r, term("usagetype", `${USAGE_TYPE_PREFIX[region]}-PublicIPv4:InUseAddress`)] : [r] },
    ...instanceTypes.map((t) => ({
      ServiceCode: "AmazonEC2",
      Filters: [r, term("instanceType", t), term("operatingSystem", "Linux"), term("tenancy", "Shared"), term("preInstalledSw", "NA"), term("capacitystatus", "Used"), term("licenseModel", "No License required")],
    })),
  ];
}

/** The usage type without its Region prefix ("USE1-Fargate-GB-Hours" → "Fargate-GB-Hours"; us-east-1's EC2 and ELB types have none). */
export const bareUsageType = (usagetype: string) => usagetype.replace(/^[A-Z]{2,3}\d?-(?=[A-Za-z])/, "");

type Slot =
  | { kind: "fargate"; platform: keyof RegionPrices["fargate"]; rate: keyof FargateRates }
  | { kind: "ephemeral" } | { kind: "ipv4" }
  | { kind: "lb"; lb: "alb" | "nlb"; rate: "hour" | "units" }
  | { kind: "ec2"; instanceType: string };

/** Which figure of the table a product is, from its usage type (and, for load balancers, its product family). */
function slotOf(p: PriceListProduct): Slot | undefined {
  const a = p.product.attributes;
  const usage = bareUsageType(a.usagetype ?? "");
  const fargate: Record<string, Slot> = {
    "Fargate-vCPU-Hours:perCPU": { kind: "fargate", platform: "linuxX86", rate: "vcpuHour" },
    "Fargate-GB-Hours": { kind: "fargate", platform: "linuxX86", rate: "gbHour" },
    "Fargate-ARM-vCPU-Hours:perCPU": { kind: "fargate", platform: "linuxArm", rate: "vcpuHour" },
    "Fargate-ARM-GB-Hours": { kind: "fargate", platform: "linuxArm", rate: "gbHour" },
    "Fargate-Windows-vCPU-Hours:perCPU": { kind: "fargate", platform: "windowsX86", rate: "vcpuHour" },
    "Fargate-Windows-GB-Hours": { kind: "fargate", platform: "windowsX86", rate: "gbHour" },
    "Fargate-Windows-OS-Hours:perCPU": { kind: "fargate", platform: "windowsX86", rate: "osLicenceVcpuHour" },
  };
  if (p.serviceCode === "AmazonECS") {
    if (Object.hasOwn(fargate, usage)) return fargate[usage];
    return usage === "Fargate-EphemeralStorage-GB-Hours" ? { kind: "ephemeral" } : undefined;
  }
  if (p.serviceCode === "AmazonVPC") return usage === "PublicIPv4:InUseAddress" ? { kind: "ipv4" } : undefined;
  if (p.serviceCode === "AWSELB") {
    const lb = p.product.productFamily === "Load Balancer-Application" ? "alb" : p.product.productFamily === "Load Balancer-Network" ? "nlb" : undefined;
    if (!lb) return undefined;
    if (usage === "LoadBalancerUsage") return { kind: "lb", lb, rate: "hour" };
    return usage === "LCUUsage" ? { kind: "lb", lb, rate: "units" } : undefined;
  }
  if (p.serviceCode === "AmazonEC2") {
    const m = /^BoxUsage:(.+)$/.exec(usage);
    return m && a.operatingSystem === "Linux" && a.tenancy === "Shared" && (a.preInstalledSw ?? "NA") === "NA" && (a.capacitystatus ?? "Used") === "Used" ? { kind: "ec2", instanceType: m[1] } : undefined;
  }
  return undefined;
}

/** The on-demand USD price of the product's first tier (a tiered price's "beginRange": "0"). */
function onDemandUsd(p: PriceListProduct): number | undefined {
  for (const t of Object.values(p.terms.OnDemand ?? {})) {
    const dims = Object.values(t.priceDimensions).sort((x, y) => Number(x.beginRange ?? 0) - Number(y.beginRange ?? 0));
    const usd = dims[0]?.pricePerUnit.USD;
    if (usd !== undefined && /^\d+(\.\d+)?$/.test(usd)) return Number(usd);
  }
  return undefined;
}

export type ReadPriceList =
  | { ok: true; prices: RegionPrices; read: number; kept: string[]; missing: string[] }
  | { ok: false; message: string };

/**
 * A Region's table from the PriceList strings of the queries above. A figure the Price List
 * did not give is kept from `base` (the shipped table, listed in `kept`), or else left out (listed
 * in `missing`: the cost model names what it then cannot price). A Price List with no product
 * of the table at all, or items that are not JSON products, are refused.
 */
export function readPriceList(region: string, items: readonly string[], base?: RegionPrices): ReadPriceList {
  const found = new Map<string, SourcedPrice>();
  const ec2: Record<string, SourcedPrice> = {};
  let read = 0;
  for (const [i, raw] of items.entries()) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, message: `PriceList[${i}] is not JSON` };
    }
    const parsed = PriceListProductSchema.safeParse(json);
    if (!parsed.success) return { ok: false, message: `PriceList[${i}] is not a Price List product: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}` };
    const p = parsed.data;
    if (p.product.attributes.regionCode !== undefined && p.product.attributes.regionCode !== region) continue;
    const slot = slotOf(p);
    const usd = slot ? onDemandUsd(p) : undefined;
    if (!slot || usd === undefined) continue;
    read++;
    const source = `AWS Price List API, GetProducts ${p.serviceCode} ${p.product.attributes.usagetype}${p.product.sku ? ` (SKU ${p.product.sku})` : ""}${p.publicationDate ? `, published ${p.publicationDate.slice(0, 10)}` : ""}`;
    const price = { usd, source };
    if (slot.kind === "ec2") ec2[slot.instanceType] = price;
    else found.set(JSON.stringify(slot), price);
  }
  if (read === 0) return { ok: false, message: `the Price List has no Fargate, load balancer, public IPv4 or EC2 product for ${region}` };
  const kept: string[] = [];
  const missing: string[] = [];
  const pick = (slot: Slot, name: string, fallback: SourcedPrice | undefined): SourcedPrice | undefined => {
    const got = found.get(JSON.stringify(slot)) ?? fallback;
    if (!found.has(JSON.stringify(slot))) (fallback ? kept : missing).push(name);
    return got;
  };
  const platformName = { linuxX86: "Linux x86", linuxArm: "Linux ARM", windowsX86: "Windows x86" } as const;
  const rates = (platform: keyof RegionPrices["fargate"], licence: boolean): FargateRates | undefined => {
    const b = base?.fargate[platform];
    const vcpuHour = pick({ kind: "fargate", platform, rate: "vcpuHour" }, `Fargate ${platformName[platform]} vCPU-hour`, b?.vcpuHour);
    const gbHour = pick({ kind: "fargate", platform, rate: "gbHour" }, `Fargate ${platformName[platform]} GB-hour`, b?.gbHour);
    const osLicenceVcpuHour = licence ? pick({ kind: "fargate", platform, rate: "osLicenceVcpuHour" }, "Fargate Windows OS licence vCPU-hour", b?.osLicenceVcpuHour) : undefined;
    if (!vcpuHour || !gbHour || (licence && !osLicenceVcpuHour)) return undefined;
    return { vcpuHour, gbHour, ...(osLicenceVcpuHour ? { osLicenceVcpuHour } : {}) };
  };
  const both = <A, B, T>(a: A | undefined, b: B | undefined, f: (a: A, b: B) => T): T | undefined => (a && b ? f(a, b) : undefined);
  const linuxX86 = rates("linuxX86", false);
  const linuxArm = rates("linuxArm", false);
  const windowsX86 = rates("windowsX86", true);
  const storage = pick({ kind: "ephemeral" }, "Fargate ephemeral storage GB-hour", base?.ephemeralStorage.gbHour);
  const ipv4 = pick({ kind: "ipv4" }, "public IPv4 address-hour", base?.publicIpv4Hour);
  const alb = both(pick({ kind: "lb", lb: "alb", rate: "hour" }, "ALB hour", base?.alb?.hour), pick({ kind: "lb", lb: "alb", rate: "units" }, "ALB LCU-hour", base?.alb?.lcuHour), (hour, lcuHour) => ({ hour, lcuHour }));
  const nlb = both(pick({ kind: "lb", lb: "nlb", rate: "hour" }, "NLB hour", base?.nlb?.hour), pick({ kind: "lb", lb: "nlb", rate: "units" }, "NLB NLCU-hour", base?.nlb?.nlcuHour), (hour, nlcuHour) => ({ hour, nlcuHour }));
  const prices: RegionPrices = {
    region,
    fargate: { ...(linuxX86 ? { linuxX86 } : {}), ...(linuxArm ? { linuxArm } : {}), ...(windowsX86 ? { windowsX86 } : {}) },
    fargateSpot: base?.fargateSpot ?? { maxDiscount: 0.7, source: "https://aws.amazon.com/fargate/pricing/ (\"up to a 70% discount off the regular Fargate price\")" },
    ephemeralStorage: { ...(storage ? { gbHour: storage } : {}), freeGiB: base?.ephemeralStorage.freeGiB ?? 20 },
    ...(ipv4 ? { publicIpv4Hour: ipv4 } : {}),
    ...(alb ? { alb } : {}),
    ...(nlb ? { nlb } : {}),
    ec2: { ...base?.ec2, ...ec2 },
  };
  return { ok: true, prices, read, kept, missing };
}
