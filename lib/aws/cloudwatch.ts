import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CLOUDWATCH_LIMITS, type CloudWatchOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { createAwsPort, type AwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = { GetMetricData: GetMetricDataCommand, DescribeAlarms: DescribeAlarmsCommand } satisfies Record<CloudWatchOperation, unknown>;
type In<K extends CloudWatchOperation> = InputOf<(typeof COMMANDS)[K]>;
type Out<K extends CloudWatchOperation> = Promise<OutputOf<(typeof COMMANDS)[K]>>;

/** The CloudWatch reads of the monitor's charts: one page of metric data or alarms at a time. */
export interface CloudWatchPort {
  getMetricData(input: In<"GetMetricData">): Out<"GetMetricData">;
  describeAlarms(input: In<"DescribeAlarms">): Out<"DescribeAlarms">;
  destroy(): void;
}

export function cloudWatchPortOver(client: CloudWatchClient, pacer: Pacer): CloudWatchPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: CLOUDWATCH_LIMITS, pacer });
  return {
    getMetricData: (input) => port.send("GetMetricData", input),
    describeAlarms: (input) => port.send("DescribeAlarms", input),
    destroy: () => port.destroy(),
  };
}

/** CloudWatch of an AWS account (or any implementation at `endpoint`), paced unless a shared pacer is given. */
export function createCloudWatchPort(target: AwsTarget, pacer: Pacer = createPacer(CLOUDWATCH_LIMITS.buckets)): CloudWatchPort {
  return cloudWatchPortOver(new CloudWatchClient(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real CloudWatch client with its HTTP layer replaced by `handle`. */
export function createInProcessCloudWatchPort(handle: InProcessHandler, region: string): CloudWatchPort {
  return cloudWatchPortOver(new CloudWatchClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
