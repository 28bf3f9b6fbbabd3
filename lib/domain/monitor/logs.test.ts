import { describe, expect, it } from "vitest";
import { interleave, logReads, logSourceOf, logSourcesOf, logsAsText, streamOwner } from "./logs";

const awslogs = (group: string, prefix?: string, region = "eu-west-1") => ({
  logDriver: "awslogs", options: { "awslogs-group": group, "awslogs-region": region, ...(prefix ? { "awslogs-stream-prefix": prefix } : {}) },
});

describe("log sources", () => {
  it("says plainly why a container has no lines", () => {
    expect(logSourceOf({ name: "app" }, "eu-west-1").reason).toMatch(/no log driver/);
    expect(logSourceOf({ name: "app", logConfiguration: { logDriver: "awsfirelens" } }, "eu-west-1").reason).toMatch(/FireLens/);
    expect(logSourceOf({ name: "app", logConfiguration: { logDriver: "splunk" } }, "eu-west-1").reason).toMatch(/splunk driver/);
    expect(logSourceOf({ name: "app", logConfiguration: awslogs("/g") }, "eu-west-1").reason).toMatch(/no awslogs-stream-prefix/);
    expect(logSourceOf({ name: "app", logConfiguration: awslogs("/g", "p", "us-east-1") }, "eu-west-1").reason).toMatch(/us-east-1/);
    expect(logSourceOf({ name: "app", logConfiguration: awslogs("/g", "p") }, "eu-west-1")).toEqual({ container: "app", driver: "awslogs", group: "/g", prefix: "p", region: "eu-west-1" });
  });

  it("reads a service, a task or a container, per group", () => {
    const sources = logSourcesOf([{ containerDefinitions: [
      { name: "app", logConfiguration: awslogs("/shop", "shop") }, { name: "proxy", logConfiguration: awslogs("/shop", "shop") },
      { name: "log-router", logConfiguration: { logDriver: "awsfirelens" } }, { name: "audit", logConfiguration: awslogs("/audit", "a") },
    ] }], "eu-west-1");
    expect(logReads(sources, {}).map(({ group, logStreamNamePrefix }) => [group, logStreamNamePrefix])).toEqual([["/shop", "shop/"], ["/audit", "a/audit/"]]);
    expect(logReads(sources, { task: "t1" })[0].logStreamNames).toEqual(["shop/app/t1", "shop/proxy/t1"]);
    expect(logReads(sources, { container: "proxy" })).toMatchObject([{ group: "/shop", logStreamNamePrefix: "shop/proxy/" }]);
    const read = logReads(sources, {})[0];
    expect(streamOwner(read, "shop/proxy/abc")).toEqual({ container: "proxy", taskId: "abc" });
    expect(streamOwner(read, "shop/other/abc")).toBeUndefined();
  });

  it("interleaves lines by time and writes them as text", () => {
    const lines = interleave(
      [{ timestamp: 2, container: "app", taskId: "t", message: "two", eventId: "2" }],
      [{ timestamp: 1, container: "proxy", taskId: "t", message: "one", eventId: "1" }],
    );
    expect(lines.map((l) => l.message)).toEqual(["one", "two"]);
    expect(logsAsText(lines)).toBe("1970-01-01T00:00:00.001Z proxy t one\n1970-01-01T00:00:00.002Z app t two\n");
  });
});
