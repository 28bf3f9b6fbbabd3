import type { RegionPrices } from "./types";

// On-demand prices of four more Regions, read 2026-12-08. AWS's pricing pages render their rate
// tables dynamically, so each figure below is one a public source states, named on its line.
// A figure no source could be found for is LEFT OUT, not guessed: the cost model then lists
// what it cannot price, and "Refresh prices" on an environment's page reads the whole Region
// from the Price List API (README "Cost"). Left out here: Windows Fargate everywhere, ARM
// Fargate in eu-central-1, us-west-2 and ap-southeast-2, ephemeral storage in eu-west-1 and
// eu-central-1, every Fargate rate of ap-southeast-2, every load balancer LCU/NLCU rate (so
// ALB and NLB, which need both figures), and EC2 instances.
const DATE = "2026-12-08";
const SPOT = { maxDiscount: 0.7, source: "https://aws.amazon.com/fargate/pricing/ (\"up to a 70% discount off the regular Fargate price\"; the current Spot price varies)" };
const IPV4 = { usd: 0.005, source: "https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/ ($0.005 per IP per hour for all public IPv4 addresses, from 2024-02-01)" };
const EU_AUDIT = "a public audit of the AWS Price List API (2026-05-01) quoting AmazonECS eu-west-1";
const DEFANG = "https://github.com/DefangLabs/defang (CLI estimate test, us-west-2 Price List line items";

export const EU_WEST_1: RegionPrices = {
  region: "eu-west-1",
  date: DATE,
  fargate: {
    linuxX86: {
      vcpuHour: { usd: 0.04048, source: `${EU_AUDIT}: EU-Fargate-vCPU-Hours:perCPU, SKU K4EXFQ5YFQCP98EN, $0.04048/hr` },
      gbHour: { usd: 0.004445, source: `${EU_AUDIT}: EU-Fargate-GB-Hours, SKU UP5ETC3QSW2QZGEY, $0.004445/hr` },
    },
    linuxArm: {
      vcpuHour: { usd: 0.03238, source: `${EU_AUDIT}: EU-Fargate-ARM-vCPU-Hours:perCPU, SKU KXC9CEUQGJQPNZPY, $0.03238/hr` },
      gbHour: { usd: 0.00356, source: `${EU_AUDIT}: EU-Fargate-ARM-GB-Hours, SKU MGJ5EB5GSHR8QZDF, $0.00356/hr` },
    },
  },
  fargateSpot: SPOT,
  ephemeralStorage: { freeGiB: 20 },
  publicIpv4Hour: IPV4,
  ec2: {},
};

export const EU_CENTRAL_1: RegionPrices = {
  region: "eu-central-1",
  date: DATE,
  fargate: {
    linuxX86: {
      vcpuHour: { usd: 0.04656, source: "a public rate card of AWS Price List rates (effective 2026-07-07): EUC1-Fargate-vCPU-Hours:perCPU $0.04656 per vCPU-hour" },
      gbHour: { usd: 0.00511, source: "a public rate card of AWS Price List rates (effective 2026-07-07): EUC1-Fargate-GB-Hours $0.00511 per GiB-hour" },
    },
  },
  fargateSpot: SPOT,
  ephemeralStorage: { freeGiB: 20 },
  publicIpv4Hour: IPV4,
  ec2: {},
};

export const US_WEST_2: RegionPrices = {
  region: "us-west-2",
  date: DATE,
  fargate: {
    linuxX86: {
      vcpuHour: { usd: 0.04048, source: `${DEFANG}: USW2-Fargate-vCPU-Hours:perCPU, 730 vCPU-hours = $29.55)` },
      gbHour: { usd: 0.004445, source: `${DEFANG}: USW2-Fargate-GB-Hours, 1,460 GB-hours = $6.49)` },
    },
  },
  fargateSpot: SPOT,
  ephemeralStorage: { gbHour: { usd: 0.000111, source: `${DEFANG}: USW2-Fargate-EphemeralStorage-GB-Hours, 14,600 GB-hours = $1.62)` }, freeGiB: 20 },
  publicIpv4Hour: IPV4,
  ec2: {},
};

export const AP_SOUTHEAST_2: RegionPrices = {
  region: "ap-southeast-2",
  date: DATE,
  fargate: {},
  fargateSpot: SPOT,
  ephemeralStorage: { freeGiB: 20 },
  publicIpv4Hour: IPV4,
  ec2: {},
};
