import { z } from "zod";
import type { World } from "../core/types";
import { queryBool, queryList } from "../protocols/query";
import { ec2Error } from "./errors";
import { applyFilters, type Fields } from "./filters";
import { FilterSchema, parseInput } from "./input";
import { zonesOf, type Zone } from "./network";

// DescribeAvailabilityZones: the Region's three zones, all available, none opt-in.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html

type Row = Zone & { region: string; group: string; tags: [] };

const FIELDS: Fields<Row> = {
  "zone-name": (z) => z.zoneName,
  "zone-id": (z) => z.zoneId,
  "region-name": (z) => z.region,
  "group-name": (z) => z.group,
  "network-border-group": (z) => z.region,
  "state": () => "available",
  "zone-state": () => "available",
  "zone-type": () => "availability-zone",
  "opt-in-status": () => "opt-in-not-required",
};

const Schema = z.object({
  Filter: queryList(FilterSchema).optional(),
  ZoneName: queryList(z.string()).optional(),
  ZoneId: queryList(z.string()).optional(),
  AllAvailabilityZones: queryBool().optional(),
});

export function describeAvailabilityZones(world: World, raw: unknown) {
  const input = parseInput(Schema, raw);
  const group = `${world.region}-zg-1`;
  let rows: Row[] = zonesOf(world.region).map((z) => ({ ...z, region: world.region, group, tags: [] }));
  for (const [given, key] of [[input.ZoneName, "zoneName"], [input.ZoneId, "zoneId"]] as const) {
    if (!given?.length) continue;
    const missing = given.filter((v) => !rows.some((r) => r[key] === v));
    if (missing.length) throw ec2Error("InvalidParameterValue", `Invalid availability zone: [${missing.join(", ")}]`);
    rows = rows.filter((r) => given.includes(r[key]));
  }
  return {
    availabilityZoneInfo: applyFilters(rows, input.Filter, FIELDS).map((z) => ({
      optInStatus: "opt-in-not-required", messageSet: [], regionName: z.region, zoneName: z.zoneName, zoneId: z.zoneId,
      groupName: z.group, networkBorderGroup: z.region, zoneType: "availability-zone", zoneState: "available",
    })),
  };
}
