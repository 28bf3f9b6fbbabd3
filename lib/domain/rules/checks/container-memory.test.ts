import { describe, expect, it } from "vitest";
import { containerMemory } from "./container-memory";
import { container, td } from "../test-helpers";

describe("container-memory", () => {
  it("accepts containers that fit the task", () => {
    expect(containerMemory.check(td({
      cpu: "512", memory: "1024",
      containerDefinitions: [container({ cpu: 256, memory: 512, memoryReservation: 256 }), container({ name: "b", cpu: 256, memory: undefined, memoryReservation: 512 })],
    }))).toEqual([]);
    // task-level memory makes container memory optional
    expect(containerMemory.check(td({ memory: "512", containerDefinitions: [container({ memory: undefined })] }))).toEqual([]);
  });
  it("needs memory or memoryReservation without task memory", () => {
    const [f] = containerMemory.check(td({ containerDefinitions: [container({ memory: undefined })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "memoryReservation"]);
    expect(f.message).toContain("At least one of 'memory' or 'memoryReservation' must be specified");
  });
  it("rejects memoryReservation above memory and warns when equal", () => {
    const [f] = containerMemory.check(td({ containerDefinitions: [container({ memory: 256, memoryReservation: 512 })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "memoryReservation"]);
    expect(f.severity).toBe("error");
    const [g] = containerMemory.check(td({ containerDefinitions: [container({ memory: 256, memoryReservation: 256 })] }));
    expect(g.severity).toBe("warning");
    expect(g.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "memoryReservation"], value: undefined }]);
  });
  it("caps container memory at task memory", () => {
    const [f] = containerMemory.check(td({ memory: "512", containerDefinitions: [container({ memory: 1024, memoryReservation: 256 })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "memory"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "memory"], value: 512 }]);
  });
  it("shows the arithmetic when the containers together exceed the task", () => {
    const found = containerMemory.check(td({
      cpu: "256", memory: "0.5 GB",
      containerDefinitions: [container({ name: "web", cpu: 256, memory: 300 }), container({ name: "app", cpu: 128, memoryReservation: 300, memory: undefined })],
    }));
    expect(found.map((f) => f.path)).toEqual([["cpu"], ["memory"]]);
    expect(found[0].message).toContain("web 256 + app 128 = 384");
    expect(found[1].message).toContain("web 300 + app 300 = 600 MiB");
  });
});
