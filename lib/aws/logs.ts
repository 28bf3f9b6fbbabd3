import { CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand, StartLiveTailCommand, type StartLiveTailResponseStream } from "@aws-sdk/client-cloudwatch-logs";
import { LOGS_LIMITS, type LogsOperation } from "../domain/aws-limits";
import { defineAwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = { FilterLogEvents: FilterLogEventsCommand, GetLogEvents: GetLogEventsCommand, StartLiveTail: StartLiveTailCommand } satisfies Record<LogsOperation, unknown>;
type In<K extends LogsOperation> = InputOf<(typeof COMMANDS)[K]>;
type Out<K extends LogsOperation> = Promise<OutputOf<(typeof COMMANDS)[K]>>;

/** The CloudWatch Logs reads of the monitor's log view: one page of a group's events at a time. */
export interface LogsPort {
  filterLogEvents(input: In<"FilterLogEvents">): Out<"FilterLogEvents">;
  getLogEvents(input: In<"GetLogEvents">): Out<"GetLogEvents">;
  /** A Live Tail session: its events (sessionStart, then a sessionUpdate a second) until it ends or `signal` aborts it. */
  startLiveTail(input: In<"StartLiveTail">, signal: AbortSignal): Promise<AsyncIterable<StartLiveTailResponseStream>>;
  destroy(): void;
}

/** CloudWatch Logs of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createLogsPort, inProcess: createInProcessLogsPort } = defineAwsPort<LogsPort>()({
  Client: CloudWatchLogsClient, commands: COMMANDS, limits: LOGS_LIMITS, sandboxPath: "/sandbox/aws",
  // StartLiveTail goes to `stream-logs.<region>.amazonaws.com` on AWS (the SDK's host prefix); an
  // endpoint of one's own (the sandbox at localhost, an emulator) has no such host.
  config: (target) => (target.endpoint ? { disableHostPrefix: true } : {}),
  build: (port) => ({
    ...port.plainCalls("FilterLogEvents", "GetLogEvents"),
    async startLiveTail(input, signal) {
      const out = await port.send("StartLiveTail", input, { abortSignal: signal });
      if (!out.responseStream) throw new Error("StartLiveTail answered without an event stream.");
      return out.responseStream;
    },
  }),
});
