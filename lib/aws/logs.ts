import { CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { LOGS_LIMITS, type LogsOperation } from "../domain/aws-limits";
import { defineAwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = { FilterLogEvents: FilterLogEventsCommand, GetLogEvents: GetLogEventsCommand } satisfies Record<LogsOperation, unknown>;
type In<K extends LogsOperation> = InputOf<(typeof COMMANDS)[K]>;
type Out<K extends LogsOperation> = Promise<OutputOf<(typeof COMMANDS)[K]>>;

/** The CloudWatch Logs reads of the monitor's log view: one page of a group's events at a time. */
export interface LogsPort {
  filterLogEvents(input: In<"FilterLogEvents">): Out<"FilterLogEvents">;
  getLogEvents(input: In<"GetLogEvents">): Out<"GetLogEvents">;
  destroy(): void;
}

/** CloudWatch Logs of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createLogsPort, inProcess: createInProcessLogsPort } = defineAwsPort<LogsPort>()({
  Client: CloudWatchLogsClient, commands: COMMANDS, limits: LOGS_LIMITS, sandboxPath: "/sandbox/aws",
  build: (port) => port.plainCalls("FilterLogEvents", "GetLogEvents"),
});
