import { describe, expect, it } from "vitest";
import { compare, FIGURES, SAMPLE_APPS } from "./vms";

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
    expect(c.containers.diskMb).toBe(220 + 25 + 15 + 2 + 20);
    expect(c.vms.diskMb).toBe(3 * FIGURES.guestOsDiskMb.value + 220 + 25 + 220 + 15 + 2 + 20);
  });

  it("starts in the slowest member's time: a boot plus the app for VMs, a container setup plus the app for containers", () => {
    const c = compare(SAMPLE_APPS);
    expect(c.vms.startSeconds).toBe(FIGURES.vmBootSeconds.value + 1);
    expect(c.containers.startSeconds).toBeCloseTo(FIGURES.containerStartSeconds.value + 1);
  });

  it("cites a source with its assumptions for every figure", () => {
    for (const f of Object.values(FIGURES)) {
      expect(f.source.url).toMatch(/^https:\/\//);
      expect(f.source.assumes.length).toBeGreaterThan(20);
    }
  });
});
