import { describe, expect, it } from "vitest";
import { portConflict } from "./port-conflict";
import { container, td } from "../test-helpers";

describe("port-conflict", () => {
  it("accepts distinct ports, other protocols and dynamic bridge ports", () => {
    expect(portConflict.check(td({ networkMode: "awsvpc", containerDefinitions: [
      container({ portMappings: [{ containerPort: 53, protocol: "tcp" }] }), container({ name: "b", portMappings: [{ containerPort: 53, protocol: "udp" }, { containerPort: 8080 }] }),
    ] }))).toEqual([]);
    expect(portConflict.check(td({ networkMode: "bridge", containerDefinitions: [
      container({ portMappings: [{ containerPort: 80 }] }), container({ name: "b", portMappings: [{ containerPort: 80, hostPort: 0 }] }),
    ] }))).toEqual([]);
  });
  it("rejects two containers on one port in awsvpc", () => {
    const [f] = portConflict.check(td({ networkMode: "awsvpc", containerDefinitions: [
      container({ portMappings: [{ containerPort: 80 }] }), container({ name: "b", portMappings: [{ containerPort: 80, protocol: "tcp" }] }),
    ] }));
    expect(f.path).toEqual(["containerDefinitions", 1, "portMappings", 0, "containerPort"]);
    expect(f.container).toBe("b");
  });
  it("rejects equal fixed host ports in bridge mode", () => {
    const [f] = portConflict.check(td({ containerDefinitions: [
      container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] }), container({ name: "b", portMappings: [{ containerPort: 81, hostPort: 8080 }] }),
    ] }));
    expect(f.path).toEqual(["containerDefinitions", 1, "portMappings", 0, "hostPort"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 1, "portMappings", 0, "hostPort"], value: undefined }]);
  });
});
