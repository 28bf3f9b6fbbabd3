import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openLiveTails } from "@/lib/sandbox/live-tail";
import {
  CloudWatchLogsClient, CloudWatchLogsServiceException, CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogGroupCommand, DescribeLogGroupsCommand,
  DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand, PutLogEventsCommand, StartLiveTailCommand,
  paginateDescribeLogGroups, paginateFilterLogEvents,
} from "@aws-sdk/client-cloudwatch-logs";
import { rejection as failed, startSandbox } from "./server";

// CloudWatch Logs over awsJson1_1 (X-Amz-Target Logs_20140328.<Op>), through the real
// CloudWatchLogsClient at /sandbox/aws.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox("eu-west-1"); });
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<CloudWatchLogsServiceException>(call);
const T0 = 1_700_000_000_000;

describe("CloudWatch Logs in the sandbox", () => {
  it("creates, describes (prefix, paging) and deletes log groups, with AWS's errors", async () => {
    for (const name of ["/ecs/web", "/ecs/api", "/other/x"]) await sb.aws.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    const dup = await rejection(sb.aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/ecs/web" })));
    expect(dup.name).toBe("ResourceAlreadyExistsException");
    expect(dup.message).toBe("The specified log group already exists");

    const { logGroups } = await sb.aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/ecs/" }));
    expect(logGroups?.map((g) => g.logGroupName)).toEqual(["/ecs/api", "/ecs/web"]);
    expect(logGroups?.[0]).toMatchObject({ arn: "arn:aws:logs:eu-west-1:000000000000:log-group:/ecs/api:*", logGroupArn: "arn:aws:logs:eu-west-1:000000000000:log-group:/ecs/api", creationTime: T0 });

    const names: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: sb.aws.logs, pageSize: 2 }, {})) {
      expect(page.logGroups!.length).toBeLessThanOrEqual(2);
      names.push(...page.logGroups!.map((g) => g.logGroupName!));
    }
    expect(names).toEqual(["/ecs/api", "/ecs/web", "/other/x"]);

    const bad = await rejection(sb.aws.logs.send(new CreateLogGroupCommand({ logGroupName: "has space" })));
    expect(bad.name).toBe("InvalidParameterException");
    expect(bad.message).toMatch(/^1 validation error detected: Value 'has space' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern/);

    await sb.aws.logs.send(new DeleteLogGroupCommand({ logGroupName: "/other/x" }));
    const gone = await rejection(sb.aws.logs.send(new DeleteLogGroupCommand({ logGroupName: "/other/x" })));
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(gone.message).toBe("The specified log group does not exist.");
  });

  it("creates streams and describes them by prefix or by last event time", async () => {
    await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/web", logStreamName: "web/app/b" }));
    await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/web", logStreamName: "web/app/a" }));
    await sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/web", logStreamName: "web/app/b", logEvents: [{ timestamp: T0 - 5000, message: "b1" }] }));
    await sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/web", logStreamName: "web/app/a", logEvents: [{ timestamp: T0 - 9000, message: "a1" }, { timestamp: T0 - 1000, message: "a2" }] }));

    const dup = await rejection(sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/web", logStreamName: "web/app/a" })));
    expect([dup.name, dup.message]).toEqual(["ResourceAlreadyExistsException", "The specified log stream already exists"]);
    const noGroup = await rejection(sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/nope", logStreamName: "s" })));
    expect([noGroup.name, noGroup.message]).toEqual(["ResourceNotFoundException", "The specified log group does not exist."]);

    const byName = await sb.aws.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/web", logStreamNamePrefix: "web/" }));
    expect(byName.logStreams?.map((s) => s.logStreamName)).toEqual(["web/app/a", "web/app/b"]);
    expect(byName.logStreams?.[0]).toMatchObject({ firstEventTimestamp: T0 - 9000, lastEventTimestamp: T0 - 1000, lastIngestionTime: T0 });

    const latest = await sb.aws.logs.send(new DescribeLogStreamsCommand({ logGroupIdentifier: "arn:aws:logs:eu-west-1:000000000000:log-group:/ecs/web", orderBy: "LastEventTime", descending: true, limit: 1 }));
    expect(latest.logStreams?.map((s) => s.logStreamName)).toEqual(["web/app/a"]);
    expect(latest.nextToken).toBeDefined();
    const rest = await sb.aws.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/web", orderBy: "LastEventTime", descending: true, nextToken: latest.nextToken }));
    expect(rest.logStreams?.map((s) => s.logStreamName)).toEqual(["web/app/b"]);

    const both = await rejection(sb.aws.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/ecs/web", orderBy: "LastEventTime", logStreamNamePrefix: "web" })));
    expect(both.name).toBe("InvalidParameterException");
  });

  it("refuses batches out of order and reports events too new or too old", async () => {
    const out = await rejection(sb.aws.logs.send(new PutLogEventsCommand({
      logGroupName: "/ecs/web", logStreamName: "web/app/a", logEvents: [{ timestamp: T0, message: "2" }, { timestamp: T0 - 1, message: "1" }],
    })));
    expect([out.name, out.message]).toEqual(["InvalidParameterException", "Log events in a single PutLogEvents request must be in chronological order."]);
    const noStream = await rejection(sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/web", logStreamName: "none", logEvents: [{ timestamp: T0, message: "x" }] })));
    expect([noStream.name, noStream.message]).toEqual(["ResourceNotFoundException", "The specified log stream does not exist."]);

    await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/api", logStreamName: "edge" }));
    const r = await sb.aws.logs.send(new PutLogEventsCommand({
      logGroupName: "/ecs/api", logStreamName: "edge",
      logEvents: [{ timestamp: T0 - 14 * 86_400_000 - 1000, message: "old" }, { timestamp: T0 - 14 * 86_400_000 + 5000, message: "ok" }, { timestamp: T0 - 14 * 86_400_000 + 6000, message: "ok2" }],
    }));
    expect(r.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
    const future = await sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "edge", logEvents: [{ timestamp: T0, message: "now" }, { timestamp: T0 + 3 * 3_600_000, message: "future" }] }));
    expect(future.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    const { events } = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "edge", startFromHead: true }));
    expect(events?.map((e) => e.message)).toEqual(["ok", "ok2", "now"]);
  });

  it("reads a stream with GetLogEvents' f/ and b/ tokens, the same token coming back at the end", async () => {
    await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/api", logStreamName: "paged" }));
    await sb.aws.logs.send(new PutLogEventsCommand({
      logGroupName: "/ecs/api", logStreamName: "paged", logEvents: Array.from({ length: 5 }, (_, k) => ({ timestamp: T0 - 5000 + k * 1000, message: `line ${k}` })),
    }));
    const first = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", startFromHead: true, limit: 2 }));
    expect(first.events?.map((e) => e.message)).toEqual(["line 0", "line 1"]);
    expect(first.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(first.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
    expect(first.events?.[0]).toMatchObject({ timestamp: T0 - 5000, ingestionTime: T0 });
    const second = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", startFromHead: true, limit: 2, nextToken: first.nextForwardToken }));
    expect(second.events?.map((e) => e.message)).toEqual(["line 2", "line 3"]);
    const back = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", limit: 1, nextToken: second.nextBackwardToken }));
    expect(back.events?.map((e) => e.message)).toEqual(["line 1"]);
    const third = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", startFromHead: true, nextToken: second.nextForwardToken }));
    expect(third.events?.map((e) => e.message)).toEqual(["line 4"]);
    const end = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", startFromHead: true, nextToken: third.nextForwardToken }));
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(third.nextForwardToken);

    const latest = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", limit: 2 }));
    expect(latest.events?.map((e) => e.message)).toEqual(["line 3", "line 4"]);
    const window = await sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", startTime: T0 - 4000, endTime: T0 - 2000, startFromHead: true }));
    expect(window.events?.map((e) => e.message)).toEqual(["line 1", "line 2"]);

    const bad = await rejection(sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "paged", nextToken: "garbage" })));
    expect(bad.name).toBe("InvalidParameterException");
    const both = await rejection(sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logGroupIdentifier: "/ecs/api", logStreamName: "paged" })));
    expect([both.name, both.message]).toEqual(["InvalidParameterException", "LogGroup name and LogGroup ARN are mutually exclusive parameters."]);
    const noStream = await rejection(sb.aws.logs.send(new GetLogEventsCommand({ logGroupName: "/ecs/api", logStreamName: "missing" })));
    expect(noStream.message).toBe("The specified log stream does not exist.");
  });

  it("filters a group's streams interleaved by time, with terms, phrases, exclusions, JSON patterns and paging", async () => {
    await sb.aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/ecs/shop" }));
    for (const s of ["shop/app/t1", "shop/sidecar/t1", "other/app/t2"]) await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/shop", logStreamName: s }));
    const put = (stream: string, lines: [number, string][]) => sb.aws.logs.send(new PutLogEventsCommand({
      logGroupName: "/ecs/shop", logStreamName: stream, logEvents: lines.map(([dt, message]) => ({ timestamp: T0 - 10_000 + dt, message })),
    }));
    await put("shop/app/t1", [[0, "INFO started"], [2000, "ERROR payment failed: timeout"], [4000, '{"level":"error","latency":250,"user":{"id":"u1"}}']]);
    await put("shop/sidecar/t1", [[1000, "INFO proxy ready"], [3000, "WARN upstream slow"], [5000, '{"level":"info","latency":20}']]);
    await put("other/app/t2", [[1500, "ERROR other"]]);

    const filter = async (input: Record<string, unknown>) => (await sb.aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/shop", ...input }))).events!.map((e) => e.message);
    expect(await filter({ logStreamNamePrefix: "shop/" })).toEqual([
      "INFO started", "INFO proxy ready", "ERROR payment failed: timeout", "WARN upstream slow", '{"level":"error","latency":250,"user":{"id":"u1"}}', '{"level":"info","latency":20}',
    ]);
    expect(await filter({ filterPattern: "ERROR" })).toEqual(["ERROR other", "ERROR payment failed: timeout"]);
    expect(await filter({ filterPattern: "ERROR -other" })).toEqual(["ERROR payment failed: timeout"]);
    expect(await filter({ filterPattern: '"payment failed"' })).toEqual(["ERROR payment failed: timeout"]);
    expect(await filter({ filterPattern: "?WARN ?other" })).toEqual(["ERROR other", "WARN upstream slow"]);
    expect(await filter({ filterPattern: "error" })).toEqual(['{"level":"error","latency":250,"user":{"id":"u1"}}']);
    expect(await filter({ filterPattern: '{ $.level = "err*" && $.latency > 100 }' })).toEqual(['{"level":"error","latency":250,"user":{"id":"u1"}}']);
    expect(await filter({ filterPattern: "{ ($.latency < 100) || $.user.id = u1 }" })).toHaveLength(2);
    expect(await filter({ filterPattern: "{ $.user NOT EXISTS }" })).toEqual(['{"level":"info","latency":20}']);
    expect(await filter({ logStreamNames: ["shop/sidecar/t1"], startTime: T0 - 9000, endTime: T0 - 7000 })).toEqual(["INFO proxy ready", "WARN upstream slow"]);

    const first = await sb.aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/shop", limit: 3 }));
    expect(first.events).toHaveLength(3);
    expect(first.events![0]).toMatchObject({ logStreamName: "shop/app/t1", timestamp: T0 - 10_000, ingestionTime: T0 });
    expect(first.events![0].eventId).toMatch(/^\d{56}$/);
    const all: string[] = [];
    for await (const page of paginateFilterLogEvents({ client: sb.aws.logs, pageSize: 2 }, { logGroupName: "/ecs/shop" })) all.push(...page.events!.map((e) => e.message!));
    expect(all).toHaveLength(7);
    expect(new Set(all).size).toBe(7);

    const both = await rejection(sb.aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/shop", logStreamNames: ["a"], logStreamNamePrefix: "a" })));
    expect(both.name).toBe("InvalidParameterException");
    const badPattern = await rejection(sb.aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/shop", filterPattern: "{ $.level = }" })));
    expect([badPattern.name, badPattern.message]).toEqual(["InvalidParameterException", "Invalid filter pattern"]);
    const missing = await rejection(sb.aws.logs.send(new FilterLogEventsCommand({ logGroupName: "/ecs/none" })));
    expect([missing.name, missing.message]).toEqual(["ResourceNotFoundException", "The specified log group does not exist."]);
  });

  describe("StartLiveTail", () => {
    // The SDK sends StartLiveTail to the host `stream-<endpoint host>` (its hostPrefix): at one
    // endpoint like 127.0.0.1 a client takes `disableHostPrefix`, as for Cloud Map's DiscoverInstances.
    let live: CloudWatchLogsClient;
    beforeAll(() => { live = new CloudWatchLogsClient({ endpoint: sb.aws.endpoint, region: "eu-west-1", maxAttempts: 1, credentials: sb.credentials, disableHostPrefix: true }); });
    afterAll(() => live.destroy());
    const arn = (name: string) => `arn:aws:logs:eu-west-1:000000000000:log-group:${name}`;

    it("goes to the stream- host unless the client disables the host prefix", async () => {
      const prefixed = await rejection(sb.aws.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn("/ecs/shop")] })));
      expect(prefixed.message).toContain("stream-127.0.0.1");
    });

    it("streams sessionStart, then sessionUpdates with the lines ingested after it opened", async () => {
      await sb.aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/ecs/tail" }));
      await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/tail", logStreamName: "web/app/1" }));
      await sb.aws.logs.send(new CreateLogStreamCommand({ logGroupName: "/ecs/tail", logStreamName: "other/app/1" }));
      await sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/tail", logStreamName: "web/app/1", logEvents: [{ timestamp: T0 - 500, message: "before the session" }] }));

      const abort = new AbortController();
      const out = await live.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn("/ecs/tail")], logStreamNamePrefixes: ["web/"], logEventFilterPattern: "-DEBUG" }), { abortSignal: abort.signal });
      const events = out.responseStream![Symbol.asyncIterator]();
      const first = await events.next();
      expect(first.value.sessionStart).toMatchObject({
        logGroupIdentifiers: [arn("/ecs/tail")], logStreamNamePrefixes: ["web/"], logEventFilterPattern: "-DEBUG",
        sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });

      await sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/tail", logStreamName: "web/app/1", logEvents: [{ timestamp: T0 - 100, message: "DEBUG noise" }, { timestamp: T0, message: "hello from the tail" }] }));
      await sb.aws.logs.send(new PutLogEventsCommand({ logGroupName: "/ecs/tail", logStreamName: "other/app/1", logEvents: [{ timestamp: T0, message: "not this stream" }] }));
      const seen: unknown[] = [];
      while (seen.length === 0) {
        const next = await events.next();
        expect(next.done).toBe(false);
        expect(next.value.sessionUpdate?.sessionMetadata).toEqual({ sampled: false });
        seen.push(...(next.value.sessionUpdate?.sessionResults ?? []));
      }
      expect(seen).toEqual([{ logStreamName: "web/app/1", logGroupIdentifier: "000000000000:/ecs/tail", message: "hello from the tail", timestamp: T0, ingestionTime: T0 }]);

      // Each line once: the next update has nothing new (the sandbox clock is frozen: same ingestion time).
      const after = await events.next();
      expect(after.value.sessionUpdate?.sessionResults).toEqual([]);
      abort.abort();
    });

    it("refuses what AWS refuses: no group, too many groups, names and prefixes together, streams of several groups, a bad pattern", async () => {
      const call = (input: ConstructorParameters<typeof StartLiveTailCommand>[0]) => rejection(live.send(new StartLiveTailCommand(input)));
      const missing = await call({ logGroupIdentifiers: [arn("/ecs/none")] });
      expect([missing.name, missing.message]).toEqual(["ResourceNotFoundException", "The specified log group does not exist."]);
      const none = await call({ logGroupIdentifiers: [] });
      expect(none.name).toBe("InvalidParameterException");
      expect(none.message).toMatch(/^1 validation error detected: Value '\[\]' at 'logGroupIdentifiers' failed to satisfy constraint: Member must have length greater than or equal to 1/);
      const eleven = await call({ logGroupIdentifiers: Array.from({ length: 11 }, (_, k) => arn(`/g${k}`)) });
      expect(eleven.message).toMatch(/at 'logGroupIdentifiers' failed to satisfy constraint: Member must have length less than or equal to 10/);
      const both = await call({ logGroupIdentifiers: [arn("/ecs/tail")], logStreamNames: ["web/app/1"], logStreamNamePrefixes: ["web/"] });
      expect([both.name, both.message]).toEqual(["InvalidParameterException", "logStreamNames and logStreamNamePrefixes are mutually exclusive: specify only one of them."]);
      const several = await call({ logGroupIdentifiers: [arn("/ecs/tail"), arn("/ecs/web")], logStreamNames: ["web/app/1"] });
      expect(several.message).toBe("logStreamNames and logStreamNamePrefixes can be specified only when logGroupIdentifiers contains exactly one log group.");
      const star = await call({ logGroupIdentifiers: [`${arn("/ecs/tail")}:*`] });
      expect(star.message).toMatch(/at 'logGroupIdentifiers.0' failed to satisfy constraint: Member must satisfy regular expression pattern/);
      const pattern = await call({ logGroupIdentifiers: [arn("/ecs/tail")], logEventFilterPattern: "{ $.level = }" });
      expect([pattern.name, pattern.message]).toEqual(["InvalidParameterException", "Invalid filter pattern"]);
    });

    it("holds at most 15 concurrent sessions per account and Region", async () => {
      const aborts = Array.from({ length: 15 }, () => new AbortController());
      try {
        for (const abort of aborts) {
          const out = await live.send(new StartLiveTailCommand({ logGroupIdentifiers: ["/ecs/tail"] }), { abortSignal: abort.signal });
          expect((await out.responseStream![Symbol.asyncIterator]().next()).value.sessionStart.logGroupIdentifiers).toEqual(["/ecs/tail"]);
        }
        const over = await rejection(live.send(new StartLiveTailCommand({ logGroupIdentifiers: ["/ecs/tail"] })));
        expect([over.name, over.message]).toEqual(["LimitExceededException", "You have reached the maximum number of concurrent Live Tail sessions (15) in this account and Region."]);
      } finally {
        for (const abort of aborts) abort.abort();
      }
      // A client that goes away ends its session.
      await vi.waitFor(() => expect(openLiveTails(sb.deps, "eu-west-1")).toBe(0));
    });
  });
});
