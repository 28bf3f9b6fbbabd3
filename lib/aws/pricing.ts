import { GetProductsCommand, PricingClient } from "@aws-sdk/client-pricing";
import { PRICING_LIMITS, type PricingOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { allPages, createAwsPort, type AwsPort, type InputOf } from "./port";

const COMMANDS = { GetProducts: GetProductsCommand } satisfies Record<PricingOperation, unknown>;

/** The Regions the Price List Query API has an endpoint in (api.pricing.<region>.amazonaws.com). */
const PRICING_ENDPOINT_REGIONS = ["us-east-1", "eu-central-1", "ap-south-1"];

/** The Price List reads of a price refresh: every product one GetProducts query matches, as the JSON strings it returns. */
export interface PricingPort {
  products(input: Omit<InputOf<typeof GetProductsCommand>, "NextToken" | "MaxResults" | "FormatVersion">): Promise<string[]>;
  destroy(): void;
}

export function pricingPortOver(client: PricingClient, pacer: Pacer): PricingPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: PRICING_LIMITS, pacer });
  return {
    products: (input) => allPages(async (NextToken) => {
      const r = await port.send("GetProducts", { ...input, FormatVersion: "aws_v1", MaxResults: PRICING_LIMITS.operations.GetProducts.page, ...(NextToken ? { NextToken } : {}) });
      // Each item is a JSON document (the SDK's type allows a string-like wrapper): its text is what is parsed.
      const list = (r.PriceList ?? []) as unknown as unknown[];
      return { items: list.map((p) => String(p)), ...(r.NextToken ? { nextToken: r.NextToken } : {}) };
    }),
    destroy: () => port.destroy(),
  };
}

/**
 * The Price List of an AWS account's partition (or any implementation at `endpoint`). Prices of
 * every Region come from one of the API's three endpoints: the environment's Region when it is
 * one of them, otherwise us-east-1.
 */
export function createPricingPort(target: AwsTarget, pacer: Pacer = createPacer(PRICING_LIMITS.buckets)): PricingPort {
  const region = PRICING_ENDPOINT_REGIONS.includes(target.region) ? target.region : "us-east-1";
  return pricingPortOver(new PricingClient(clientConfig({ ...target, region })), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real Pricing client with its HTTP layer replaced by `handle`. */
export function createInProcessPricingPort(handle: InProcessHandler, region: string): PricingPort {
  return pricingPortOver(new PricingClient(inProcessConfig(handle, PRICING_ENDPOINT_REGIONS.includes(region) ? region : "us-east-1", "/sandbox/aws")), noPacer);
}
