import type { RegionPrices } from "./types";

// US East (N. Virginia), on-demand, read 2026-12-07. The AWS pricing pages render their rate
// tables dynamically; the figures below are the ones the pages' worked examples and the Price
// List (AWSELB, AmazonECS, AmazonEC2 offers) state, as quoted by the sources named on each line.
// Refresh: see README "Cost".
const FARGATE = "https://aws.amazon.com/fargate/pricing/";
const FARGATE_QUOTED = "https://www.vantage.sh/blog/fargate-pricing (us-east-1 rates of aws.amazon.com/fargate/pricing)";
const ELB = "https://aws.amazon.com/elasticloadbalancing/pricing/ (US East pricing examples: $0.0225 per ALB/NLB-hour, $0.008 per LCU-hour, $0.006 per NLCU-hour)";
const IPV4 = "https://aws.amazon.com/vpc/pricing/ (Public IPv4 Address tab: $0.005 per IP per hour since 2024-02-01, as quoted by https://community.aws/content/2c6cKl0W4KQZIO6dWnnDHs1tHSp/aws-to-charge-public-ipv4-addresses)";

export const US_EAST_1: RegionPrices = {
  region: "us-east-1",
  fargate: {
    linuxX86: { vcpuHour: { usd: 0.04048, source: FARGATE }, gbHour: { usd: 0.004445, source: FARGATE } },
    linuxArm: { vcpuHour: { usd: 0.03238, source: FARGATE_QUOTED }, gbHour: { usd: 0.00356, source: FARGATE_QUOTED } },
    windowsX86: {
      vcpuHour: { usd: 0.09148, source: FARGATE_QUOTED },
      gbHour: { usd: 0.01005, source: FARGATE_QUOTED },
      osLicenceVcpuHour: { usd: 0.046, source: FARGATE_QUOTED },
    },
  },
  fargateSpot: { maxDiscount: 0.7, source: `${FARGATE} ("up to a 70% discount off the regular Fargate price"; the current Spot price varies)` },
  ephemeralStorage: { gbHour: { usd: 0.000111, source: FARGATE_QUOTED }, freeGiB: 20 },
  publicIpv4Hour: { usd: 0.005, source: IPV4 },
  alb: { hour: { usd: 0.0225, source: ELB }, lcuHour: { usd: 0.008, source: ELB } },
  nlb: { hour: { usd: 0.0225, source: ELB }, nlcuHour: { usd: 0.006, source: ELB } },
  ec2: {
    "t3.large": { usd: 0.0832, source: "https://go-cloud.io/?p=10607 (t3.large in us-east-1, $0.0832/hour)" },
    "m5.large": { usd: 0.096, source: "https://github.com/riceissa/computing-data-project/blob/46d0e39dc51accdb03a22fa2742086c5a7f31db9/sql/cloud-instance-costs.sql (m5.large Linux, US East (N. Virginia), $0.096)" },
    "m5.xlarge": { usd: 0.192, source: "https://github.com/riceissa/computing-data-project/blob/46d0e39dc51accdb03a22fa2742086c5a7f31db9/sql/cloud-instance-costs.sql (m5.xlarge Linux, US East (N. Virginia), $0.192)" },
    "m7g.large": { usd: 0.0816, source: "https://www.factualminds.com/blog/amazon-ec2-on-demand-pricing-instance-families-2026/ (m7g.large Linux, us-east-1, June 2026)" },
    "c6i.large": { usd: 0.085, source: "https://gist.github.com/alikhajeh1/6107727c5218382b9cc6af69be562111 (c6i.large on-demand, 730 h = $62.05)" },
    "m6a.large": { usd: 0.0864, source: "https://gist.github.com/alikhajeh1/6107727c5218382b9cc6af69be562111 (m6a.large on-demand, 730 h = $63.07)" },
  },
};
