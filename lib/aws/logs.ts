import { CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand, StartLiveTailCommand, type StartLiveTailResponseStream } from "@aws-sdk/client-cloudwatch-logs";
import { LOGS_LIMITS, type LogsOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { createAwsPort, type AwsPort, type InputOf, type OutputOf } from "./port";

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

export function logsPortOver(client: CloudWatchLogsClient, pacer: Pacer): LogsPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: LOGS_LIMITS, pacer });
  return {
    filterLogEvents: (input) => port.send("FilterLogEvents", input),
    getLogEvents: (input) => port.send("GetLogEvents", input),
    async startLiveTail(input, signal) {
      await pacer.take(LOGS_LIMITS.operations.StartLiveTail.bucket);
      const out = await client.send(new StartLiveTailCommand(input), { abortSignal: signal });
      if (!out.responseStream) throw new Error("StartLiveTail answered without an event stream.");
      return out.responseStream;
    },
    destroy: () => port.destroy(),
  };
}

/** CloudWatch Logs of an AWS account (or any implementation at `endpoint`), paced unless a shared pacer is given. */
export function createLogsPort(target: AwsTarget, pacer: Pacer = createPacer(LOGS_LIMITS.buckets)): LogsPort {
  // StartLiveTail goes to `stream-logs.<region>.amazonaws.com` on AWS (the SDK's host prefix); an
  // endpoint of one's own (the sandbox at localhost, an emulator) has no such host.
  return logsPortOver(new CloudWatchLogsClient({ ...clientConfig(target), ...(target.endpoint ? { disableHostPrefix: true } : {}) }), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real CloudWatch Logs client with its HTTP layer replaced by `handle`. */
export function createInProcessLogsPort(handle: InProcessHandler, region: string): LogsPort {
  return logsPortOver(new CloudWatchLogsClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
