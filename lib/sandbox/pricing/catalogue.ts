import { PRICE_TABLE, USAGE_TYPE_PREFIX, type PriceListProduct, type RegionPrices, type SourcedPrice } from "../../domain/cost";

// The sandbox's price catalogue: the shipped dated tables (lib/domain/cost/prices) as the Price
// List's products, in its own attribute names (servicecode, location, regionCode, usagetype,
// productFamily …) and OnDemand terms (priceDimensions, pricePerUnit.USD as a 10-decimal string),
// so that a refresh against the sandbox reads back exactly the shipped figures.

/** The Price List's `location` of each Region the tables know. */
const LOCATIONS: Readonly<Record<string, string>> = {
  "us-east-1": "US East (N. Virginia)", "us-east-2": "US East (Ohio)", "us-west-1": "US West (N. California)", "us-west-2": "US West (Oregon)",
  "eu-west-1": "EU (Ireland)", "eu-west-2": "EU (London)", "eu-central-1": "EU (Frankfurt)", "eu-north-1": "EU (Stockholm)",
  "ap-southeast-1": "Asia Pacific (Singapore)", "ap-southeast-2": "Asia Pacific (Sydney)", "ap-south-1": "Asia Pacific (Mumbai)", "ap-northeast-1": "Asia Pacific (Tokyo)",
};

/** The OnDemand offer term and rate codes every on-demand product of the Price List carries. */
const ON_DEMAND = "JRTCKXETXF";
const RATE = "6YS6EN2CT7";

/** A stable 16-character SKU from the product's identity (FNV-1a, base 36), as the Price List's SKUs look. */
function skuOf(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    a = Math.imul(a ^ key.charCodeAt(i), 0x01000193) >>> 0;
    b = Math.imul(b ^ key.charCodeAt(key.length - 1 - i), 0x811c9dc5) >>> 0;
  }
  return (a.toString(36) + b.toString(36)).toUpperCase().padEnd(16, "X").slice(0, 16);
}

type Spec = { serviceCode: string; servicename: string; family?: string; usagetype: string; unit: string; description: string; price?: SourcedPrice; attributes?: Record<string, string> };

function product(region: string, date: string, s: Spec & { price: SourcedPrice }): PriceListProduct {
  const sku = skuOf(`${region}|${s.serviceCode}|${s.family ?? ""}|${s.usagetype}`);
  const published = `${date}T00:00:00Z`;
  return {
    serviceCode: s.serviceCode,
    product: {
      sku,
      ...(s.family ? { productFamily: s.family } : {}),
      attributes: {
        servicecode: s.serviceCode, servicename: s.servicename, location: LOCATIONS[region] ?? region, locationType: "AWS Region", regionCode: region,
        usagetype: s.usagetype, operation: "", ...s.attributes,
      },
    },
    terms: {
      OnDemand: {
        [`${sku}.${ON_DEMAND}`]: {
          offerTermCode: ON_DEMAND, effectiveDate: published,
          priceDimensions: {
            [`${sku}.${ON_DEMAND}.${RATE}`]: {
              rateCode: `${sku}.${ON_DEMAND}.${RATE}`, unit: s.unit, beginRange: "0", endRange: "Inf", description: s.description, pricePerUnit: { USD: s.price.usd.toFixed(10) },
            },
          },
        },
      },
    },
    publicationDate: published,
  };
}

function regionProducts(p: RegionPrices, date: string): PriceListProduct[] {
  const region = p.region;
  const prefix = USAGE_TYPE_PREFIX[region] ?? region.toUpperCase();
  // us-east-1's EC2 and ELB usage types carry no Region prefix.
  const legacy = region === "us-east-1" ? "" : `${prefix}-`;
  const loc = LOCATIONS[region] ?? region;
  const ecs = (usage: string, description: string, price: SourcedPrice | undefined, unit: string, attributes: Record<string, string>): Spec => ({
    serviceCode: "AmazonECS", servicename: "Amazon Elastic Container Service", family: "Compute", usagetype: `${prefix}-${usage}`, unit, description, price, attributes: { tenancy: "Shared", ...attributes },
  });
  const f = p.fargate;
  const specs: Spec[] = [
    ecs("Fargate-vCPU-Hours:perCPU", `AWS Fargate - vCPU - ${loc}`, f.linuxX86?.vcpuHour, "hours", { cputype: "perCPU" }),
    ecs("Fargate-GB-Hours", `AWS Fargate - Memory - ${loc}`, f.linuxX86?.gbHour, "hours", { memorytype: "perGB" }),
    ecs("Fargate-ARM-vCPU-Hours:perCPU", `AWS Fargate - ARM - vCPU - ${loc}`, f.linuxArm?.vcpuHour, "hours", { cputype: "perCPU", cpuArchitecture: "ARM" }),
    ecs("Fargate-ARM-GB-Hours", `AWS Fargate - ARM - Memory - ${loc}`, f.linuxArm?.gbHour, "hours", { memorytype: "perGB", cpuArchitecture: "ARM" }),
    ecs("Fargate-Windows-vCPU-Hours:perCPU", `AWS Fargate - Windows - vCPU - ${loc}`, f.windowsX86?.vcpuHour, "hours", { cputype: "perCPU", operatingSystem: "Windows" }),
    ecs("Fargate-Windows-GB-Hours", `AWS Fargate - Windows - Memory - ${loc}`, f.windowsX86?.gbHour, "hours", { memorytype: "perGB", operatingSystem: "Windows" }),
    ...(f.windowsX86?.osLicenceVcpuHour
      ? [ecs("Fargate-Windows-OS-Hours:perCPU", `AWS Fargate - Windows - OS License Fee - ${loc}`, f.windowsX86.osLicenceVcpuHour, "hours", { cputype: "perCPU OS License Fee", operatingSystem: "Windows", resource: "OS License Fee per vCPU per hour" })]
      : []),
    ecs("Fargate-EphemeralStorage-GB-Hours", `AWS Fargate - Ephemeral Storage - ${loc}`, p.ephemeralStorage.gbHour, "GB-Hours", { storagetype: "default" }),
    {
      serviceCode: "AmazonVPC", servicename: "Amazon Virtual Private Cloud", usagetype: `${prefix}-PublicIPv4:InUseAddress`, unit: "Hrs",
      description: `$${p.publicIpv4Hour?.usd} per In-use public IPv4 address per hour`, price: p.publicIpv4Hour,
    },
    ...(["alb", "nlb"] as const).flatMap((lb): Spec[] => {
      const alb = lb === "alb";
      const family = alb ? "Load Balancer-Application" : "Load Balancer-Network";
      const operation = alb ? "LoadBalancing:Application" : "LoadBalancing:Network";
      const rates = alb ? p.alb && { hour: p.alb.hour, units: p.alb.lcuHour } : p.nlb && { hour: p.nlb.hour, units: p.nlb.nlcuHour };
      if (!rates) return [];
      const { hour, units } = rates;
      const name = alb ? "Application" : "Network";
      return [
        { serviceCode: "AWSELB", servicename: "Elastic Load Balancing", family, usagetype: `${legacy}LoadBalancerUsage`, unit: "Hrs", description: `$${hour.usd} per ${name} LoadBalancer-hour (or partial hour)`, price: hour, attributes: { operation } },
        { serviceCode: "AWSELB", servicename: "Elastic Load Balancing", family, usagetype: `${legacy}LCUUsage`, unit: "LCU-Hrs", description: `$${units.usd} per used ${name} load balancer capacity unit-hour (or partial hour)`, price: units, attributes: { operation } },
      ];
    }),
    ...Object.entries(p.ec2).map(([type, price]): Spec => ({
      serviceCode: "AmazonEC2", servicename: "Amazon Elastic Compute Cloud", family: "Compute Instance", usagetype: `${legacy}BoxUsage:${type}`, unit: "Hrs",
      description: `$${price.usd} per On Demand Linux ${type} Instance Hour`, price,
      attributes: { operation: "RunInstances", instanceType: type, instanceFamily: "General purpose", operatingSystem: "Linux", tenancy: "Shared", preInstalledSw: "NA", capacitystatus: "Used", licenseModel: "No License required" },
    })),
  ];
  return specs.flatMap((s) => (s.price ? [product(region, p.date ?? date, { ...s, price: s.price })] : []));
}

/** Every product of the catalogue, by service code, in a stable order. */
export const CATALOGUE: ReadonlyMap<string, readonly PriceListProduct[]> = (() => {
  const by = new Map<string, PriceListProduct[]>();
  for (const r of Object.values(PRICE_TABLE.regions)) {
    for (const p of regionProducts(r, PRICE_TABLE.date)) by.set(p.serviceCode, [...(by.get(p.serviceCode) ?? []), p]);
  }
  return by;
})();
