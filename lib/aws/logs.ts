import { CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { LOGS_LIMITS, type LogsOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { createAwsPort, type AwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = { FilterLogEvents: FilterLogEventsCommand, GetLogEvents: GetLogEventsCommand } satisfies Record<LogsOperation, unknown>;
type In<K extends LogsOperation> = InputOf<(typeof COMMANDS)[K]>;
type Out<K extends LogsOperation> = Promise<OutputOf<(typeof COMMANDS)[K]>>;

/** The CloudWatch Logs reads of the monitor's log view: one page of a group's events at a time. */
export interface LogsPort {
  filterLogEvents(input: In<"FilterLogEvents">): Out<"FilterLogEvents">;
  getLogEvents(input: In<"GetLogEvents">): Out<"GetLogEvents">;
  destroy(): void;
}

export function logsPortOver(client: CloudWatchLogsClient, pacer: Pacer): LogsPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: LOGS_LIMITS, pacer });
  return {
    filterLogEvents: (input) => port.send("FilterLogEvents", input),
    getLogEvents: (input) => port.send("GetLogEvents", input),
    destroy: () => port.destroy(),
  };
}

/** CloudWatch Logs of an AWS account (or any implementation at `endpoint`), paced unless a shared pacer is given. */
export function createLogsPort(target: AwsTarget, pacer: Pacer = createPacer(LOGS_LIMITS.buckets)): LogsPort {
  return logsPortOver(new CloudWatchLogsClient(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real CloudWatch Logs client with its HTTP layer replaced by `handle`. */
export function createInProcessLogsPort(handle: InProcessHandler, region: string): LogsPort {
  return logsPortOver(new CloudWatchLogsClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
