/** A price and where it was read. */
export type SourcedPrice = { usd: number; source: string };

/** Fargate's per-hour rates for one operating system and CPU architecture. */
export type FargateRates = { vcpuHour: SourcedPrice; gbHour: SourcedPrice; osLicenceVcpuHour?: SourcedPrice };

/** One Region's prices: on-demand, in US dollars, per hour unless said otherwise. */
export type RegionPrices = {
  region: string;
  /** When this Region's prices were read, if not the table's date (a table refreshed from the Price List API). */
  date?: string;
  // A figure left out could not be sourced for the Region: the model names what it cannot price.
  fargate: { linuxX86?: FargateRates; linuxArm?: FargateRates; windowsX86?: FargateRates };
  /** Fargate Spot's published discount off the on-demand price (the live Spot rate varies). */
  fargateSpot: { maxDiscount: number; source: string };
  /** Per GB-hour of ephemeral storage configured above the free amount, per task. */
  ephemeralStorage: { gbHour?: SourcedPrice; freeGiB: number };
  /** Per in-use public IPv4 address-hour. */
  publicIpv4Hour?: SourcedPrice;
  alb?: { hour: SourcedPrice; lcuHour: SourcedPrice };
  nlb?: { hour: SourcedPrice; nlcuHour: SourcedPrice };
  /** EC2 on-demand Linux per instance-hour, by instance type. */
  ec2: Record<string, SourcedPrice>;
  /** ECS Managed Instances' management fee per instance-hour, on top of the EC2 price, by instance type. */
  managedInstancesFee?: Record<string, SourcedPrice>;
};

/** Every Region the table knows, with the date its prices were read. */
export type PriceTable = { date: string; currency: "USD"; regions: Record<string, RegionPrices> };
