import { describe, expect, it } from "vitest";
import { parseDuration, parseMemoryMiB, parseShortPort, shellSplit, smallestFargateSize } from "./compose-values";

describe("compose value syntaxes", () => {
  it("splits commands like a shell", () => {
    expect(shellSplit(`node server.js --name "a b" 'c "d"' e\\ f`)).toEqual({ ok: true, words: ["node", "server.js", "--name", "a b", 'c "d"', "e f"] });
    expect(shellSplit(`echo "say \\"hi\\"" ''`)).toEqual({ ok: true, words: ["echo", 'say "hi"', ""] });
    expect(shellSplit(`  spaced   out  `)).toEqual({ ok: true, words: ["spaced", "out"] });
    expect(shellSplit(`echo "open`).ok).toBe(false);
  });

  it("reads durations in seconds", () => {
    expect(parseDuration("30s")).toBe(30);
    expect(parseDuration("1m30s")).toBe(90);
    expect(parseDuration("1h")).toBe(3600);
    expect(parseDuration("500ms")).toBe(0.5);
    expect(parseDuration("1.5s")).toBe(1.5);
    expect(parseDuration(10)).toBe(10);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("10x")).toBeUndefined();
  });

  it("reads memory sizes in MiB", () => {
    expect(parseMemoryMiB("512M")).toBe(512);
    expect(parseMemoryMiB("1G")).toBe(1024);
    expect(parseMemoryMiB("1.5g")).toBe(1536);
    expect(parseMemoryMiB("2048k")).toBe(2);
    expect(parseMemoryMiB("1gb")).toBe(1024);
    expect(parseMemoryMiB(1073741824)).toBe(1024);
    expect(parseMemoryMiB("lots")).toBeUndefined();
  });

  it("reads short port syntax", () => {
    expect(parseShortPort("8080:80")).toEqual({ published: "8080", target: "80", protocol: "tcp" });
    expect(parseShortPort("80")).toEqual({ target: "80", protocol: "tcp" });
    expect(parseShortPort(80)).toEqual({ target: "80", protocol: "tcp" });
    expect(parseShortPort("127.0.0.1:80:80/udp")).toEqual({ hostIp: "127.0.0.1", published: "80", target: "80", protocol: "udp" });
    expect(parseShortPort("[::1]:6001:6001")).toEqual({ hostIp: "::1", published: "6001", target: "6001", protocol: "tcp" });
    expect(parseShortPort("9090-9091:8080-8081")).toEqual({ published: "9090-9091", target: "8080-8081", protocol: "tcp" });
    expect(parseShortPort("127.0.0.1::5000")).toEqual({ hostIp: "127.0.0.1", target: "5000", protocol: "tcp" });
    expect(parseShortPort("http")).toBeUndefined();
  });

  it("picks the smallest Fargate size that fits", () => {
    expect(smallestFargateSize(0, 0)).toEqual({ cpu: 256, memory: 512 });
    expect(smallestFargateSize(256, 1536)).toEqual({ cpu: 256, memory: 2048 });
    expect(smallestFargateSize(256, 3000)).toEqual({ cpu: 512, memory: 3072 });
    expect(smallestFargateSize(1024, 1536)).toEqual({ cpu: 1024, memory: 2048 });
    expect(smallestFargateSize(4096, 1024)).toEqual({ cpu: 4096, memory: 8192 });
    expect(smallestFargateSize(16384, 200000)).toBeUndefined();
  });
});
