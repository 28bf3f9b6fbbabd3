import { describe, expect, it } from "vitest";
import { portRange } from "./port-range";
import { container, td } from "../test-helpers";

describe("port-range", () => {
  it("accepts valid ports, bridge dynamic host ports and port ranges", () => {
    expect(portRange.check(td({ containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 0 }, { containerPort: 443 }, { containerPortRange: "8000-8010" }] })] }))).toEqual([]);
    expect(portRange.check(td({ networkMode: "awsvpc", containerDefinitions: [container({ portMappings: [{ containerPort: 65535, hostPort: 65535 }] })] }))).toEqual([]);
  });
  it("rejects ports outside 1-65535 and a missing containerPort", () => {
    const found = portRange.check(td({
      containerDefinitions: [container({ portMappings: [{ containerPort: 0 }, { containerPort: 80, hostPort: 70000 }, { hostPort: 8080 }, { containerPortRange: "9000-8000" }] })],
    }));
    expect(found.map((f) => f.path)).toEqual([
      ["containerDefinitions", 0, "portMappings", 0, "containerPort"],
      ["containerDefinitions", 0, "portMappings", 1, "hostPort"],
      ["containerDefinitions", 0, "portMappings", 2, "containerPort"],
      ["containerDefinitions", 0, "portMappings", 3, "containerPortRange"],
    ]);
    expect(found[1].fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "portMappings", 1, "hostPort"], value: undefined }]);
  });
});
