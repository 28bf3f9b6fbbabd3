import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { CLOUDWATCH_LIMITS, type CloudWatchOperation } from "../domain/aws-limits";
import { defineAwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = { GetMetricData: GetMetricDataCommand, DescribeAlarms: DescribeAlarmsCommand } satisfies Record<CloudWatchOperation, unknown>;
type In<K extends CloudWatchOperation> = InputOf<(typeof COMMANDS)[K]>;
type Out<K extends CloudWatchOperation> = Promise<OutputOf<(typeof COMMANDS)[K]>>;

/** The CloudWatch reads of the monitor's charts: one page of metric data or alarms at a time. */
export interface CloudWatchPort {
  getMetricData(input: In<"GetMetricData">): Out<"GetMetricData">;
  describeAlarms(input: In<"DescribeAlarms">): Out<"DescribeAlarms">;
  destroy(): void;
}

/** CloudWatch of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createCloudWatchPort, inProcess: createInProcessCloudWatchPort } = defineAwsPort<CloudWatchPort>()({
  Client: CloudWatchClient, commands: COMMANDS, limits: CLOUDWATCH_LIMITS, sandboxPath: "/sandbox/aws",
  build: (port) => port.plainCalls("GetMetricData", "DescribeAlarms"),
});
