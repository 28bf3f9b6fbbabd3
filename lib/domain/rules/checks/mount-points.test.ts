import { describe, expect, it } from "vitest";
import { mountPoints } from "./mount-points";
import { container, td } from "../test-helpers";

describe("mount-points", () => {
  it("accepts mounts of task volumes and volumes of other containers", () => {
    expect(mountPoints.check(td({
      volumes: [{ name: "data" }],
      containerDefinitions: [container({ mountPoints: [{ sourceVolume: "data", containerPath: "/data" }] }), container({ name: "b", volumesFrom: [{ sourceContainer: "app" }] })],
    }))).toEqual([]);
  });
  it("rejects unknown volumes, missing container paths and bad volumesFrom", () => {
    const found = mountPoints.check(td({
      volumes: [{ name: "data" }],
      containerDefinitions: [
        container({ mountPoints: [{ sourceVolume: "logs", containerPath: "/logs" }, { sourceVolume: "data" }] }),
        container({ name: "b", volumesFrom: [{ sourceContainer: "ghost" }] }),
      ],
    }));
    expect(found.map((f) => f.path)).toEqual([
      ["containerDefinitions", 0, "mountPoints", 0, "sourceVolume"],
      ["containerDefinitions", 0, "mountPoints", 1, "containerPath"],
      ["containerDefinitions", 1, "volumesFrom", 0, "sourceContainer"],
    ]);
    expect(found[2].fix?.edits).toEqual([{ path: ["containerDefinitions", 1, "volumesFrom"], value: undefined }]);
  });
});
