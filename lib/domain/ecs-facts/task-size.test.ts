import { describe, expect, it } from "vitest";
import { parseTaskCpu, parseTaskMemory } from "./task-size";

describe("task size parsing", () => {
  it("reads units and vCPU, MiB and GB", () => {
    expect(parseTaskCpu("256")).toBe(256);
    expect(parseTaskCpu("0.25 vCPU")).toBe(256);
    expect(parseTaskCpu("2 vcpu")).toBe(2048);
    expect(parseTaskCpu("lots")).toBeUndefined();
    expect(parseTaskMemory("512")).toBe(512);
    expect(parseTaskMemory("1 GB")).toBe(1024);
    expect(parseTaskMemory("0.5GB")).toBe(512);
    expect(parseTaskMemory(undefined)).toBeUndefined();
  });

  it("reads the spellings of ECS's own documentation", () => {
    expect(parseTaskCpu("1 vCPU")).toBe(1024);
    expect(parseTaskCpu("1vcpu")).toBe(1024);
    expect(parseTaskCpu(".25 vCPU")).toBe(256);
    expect(parseTaskCpu(" 1024 ")).toBe(1024);
    expect(parseTaskMemory("1GB")).toBe(1024);
    expect(parseTaskMemory(".5 GB")).toBe(512);
    expect(parseTaskMemory("1024")).toBe(1024);
  });

  it("refuses what ECS does not read: fractional units or MiB, other suffixes, empty text", () => {
    expect(parseTaskCpu("256.5")).toBeUndefined();
    expect(parseTaskCpu("1 core")).toBeUndefined();
    expect(parseTaskCpu("")).toBeUndefined();
    expect(parseTaskMemory("512.5")).toBeUndefined();
    expect(parseTaskMemory("512 MiB")).toBeUndefined();
    expect(parseTaskMemory("2 GiB")).toBeUndefined();
    expect(parseTaskMemory("-512")).toBeUndefined();
  });
});
