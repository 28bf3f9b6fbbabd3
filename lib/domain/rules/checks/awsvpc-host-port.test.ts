import { describe, expect, it } from "vitest";
import { awsvpcHostPort } from "./awsvpc-host-port";
import { container, td } from "../test-helpers";

describe("awsvpc-host-port", () => {
  it("accepts equal or omitted host ports, and anything in bridge mode", () => {
    expect(awsvpcHostPort.check(td({ networkMode: "awsvpc", containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }] })] }))).toEqual([]);
    expect(awsvpcHostPort.check(td({ networkMode: "bridge", containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] }))).toEqual([]);
  });
  it("sets hostPort equal to containerPort in awsvpc and host mode", () => {
    for (const networkMode of ["awsvpc", "host"] as const) {
      const [f] = awsvpcHostPort.check(td({ networkMode, containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })] }));
      expect(f.path).toEqual(["containerDefinitions", 0, "portMappings", 0, "hostPort"]);
      expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "portMappings", 0, "hostPort"], value: 80 }]);
    }
  });
  it("treats a Fargate task without networkMode as awsvpc", () => {
    expect(awsvpcHostPort.check(td({ requiresCompatibilities: ["FARGATE"], containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 0 }] })] }))).toHaveLength(1);
  });
});
