import { describe, expect, it } from "vitest";
import { compare, FIGURES, onBase, SAMPLE_APPS } from "./vms";

describe("VMs vs containers", () => {
  it("counts a guest OS per VM and nothing of the kind per container", () => {
    const c = compare(SAMPLE_APPS);
    const appMemory = SAMPLE_APPS.reduce((n, a) => n + a.memoryMb, 0);
    expect(c.containers.memoryMb).toBe(appMemory);
    expect(c.vms.memoryMb).toBe(appMemory + SAMPLE_APPS.length * FIGURES.guestOsMemoryMb.value);
  });

  it("stores a shared base once for containers, once per VM for VMs", () => {
    const c = compare(SAMPLE_APPS);
    expect(c.containers.perApp.map((a) => a.sharedBase)).toEqual([false, true, false]);
    const node = onBase("node:18-bullseye-slim").baseDiskMb;
    const alpine = onBase("alpine:3.17").baseDiskMb;
    expect(c.containers.diskMb).toBeCloseTo(node + 25 + 15 + alpine + 20);
    expect(c.vms.diskMb).toBeCloseTo(3 * FIGURES.guestOsDiskMb.value + node + 25 + node + 15 + alpine + 20);
  });

  it("starts in the slowest member's time: a boot plus the app for VMs, a container setup plus the app for containers", () => {
    const c = compare(SAMPLE_APPS);
    expect(c.vms.startSeconds).toBe(FIGURES.vmBootSeconds.value + 1);
    expect(c.containers.startSeconds).toBeCloseTo(FIGURES.containerStartSeconds.value + 1);
  });

  it("takes each base's size from the Build tab's catalogue of real images (compressed layers, decimal MB)", () => {
    // node:18-bullseye-slim: 31,396,972 + 4,185 + 45,492,847 + 2,766,290 + 451 bytes; alpine:3.17: 3,370,628 bytes.
    expect(onBase("node:18-bullseye-slim")).toEqual({ base: "node:18-bullseye-slim", baseDiskMb: 79.7 });
    expect(onBase("docker.io/library/alpine:3.17")).toEqual({ base: "alpine:3.17", baseDiskMb: 3.4 });
    expect(() => onBase("node:22-slim")).toThrow(/catalogue/);
  });

  it("cites a source with its assumptions for every figure", () => {
    for (const f of Object.values(FIGURES)) {
      expect(f.source.url).toMatch(/^https:\/\//);
      expect(f.source.assumes.length).toBeGreaterThan(20);
    }
  });
});
