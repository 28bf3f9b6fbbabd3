import { describe, expect, it } from "vitest";
import { fargateLimits } from "./fargate-limits";
import { container, td } from "../test-helpers";

const fargate = { requiresCompatibilities: ["FARGATE" as const], networkMode: "awsvpc" as const, cpu: "256", memory: "512" };

describe("fargate-limits", () => {
  it("accepts what Fargate supports, and ignores EC2", () => {
    expect(fargateLimits.check(td({
      ...fargate, pidMode: "task", volumes: [{ name: "scratch", host: {} }, { name: "efs", efsVolumeConfiguration: { fileSystemId: "fs-1" } }],
      containerDefinitions: [container({ privileged: false, linuxParameters: { initProcessEnabled: true, capabilities: { add: ["SYS_PTRACE"] } } })],
    }))).toEqual([]);
    expect(fargateLimits.check(td({ requiresCompatibilities: ["EC2"], ipcMode: "host", containerDefinitions: [container({ privileged: true })] }))).toEqual([]);
  });
  it("reports each unsupported field with a removal where safe", () => {
    const found = fargateLimits.check(td({
      ...fargate, ipcMode: "task", pidMode: "host", placementConstraints: [{ type: "memberOf", expression: "attribute:ecs.instance-type =~ t3.*" }],
      volumes: [{ name: "h", host: { sourcePath: "/var/data" } }, { name: "d", dockerVolumeConfiguration: { driver: "rexray/ebs" } }],
      containerDefinitions: [container({
        privileged: true, links: ["db"], dnsServers: ["10.0.0.2"],
        resourceRequirements: [{ type: "GPU", value: "1" }],
        linuxParameters: { sharedMemorySize: 64, capabilities: { add: ["SYS_PTRACE", "NET_ADMIN"] } },
      })],
    }));
    const byPath = new Map(found.map((f) => [f.path.join("."), f]));
    expect([...byPath.keys()].sort()).toEqual([
      "containerDefinitions.0.dnsServers", "containerDefinitions.0.links", "containerDefinitions.0.linuxParameters.capabilities.add",
      "containerDefinitions.0.linuxParameters.sharedMemorySize", "containerDefinitions.0.privileged", "containerDefinitions.0.resourceRequirements.0",
      "ipcMode", "pidMode", "placementConstraints", "volumes.0.host.sourcePath", "volumes.1.dockerVolumeConfiguration",
    ]);
    expect(byPath.get("containerDefinitions.0.privileged")?.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "privileged"], value: undefined }]);
    expect(byPath.get("containerDefinitions.0.linuxParameters.capabilities.add")?.fix?.edits)
      .toEqual([{ path: ["containerDefinitions", 0, "linuxParameters", "capabilities", "add"], value: ["SYS_PTRACE"] }]);
    expect(byPath.get("containerDefinitions.0.resourceRequirements.0")?.fix?.edits)
      .toEqual([{ path: ["containerDefinitions", 0, "resourceRequirements"], value: undefined }]);
    expect(byPath.get("volumes.1.dockerVolumeConfiguration")?.fix?.edits).toBeUndefined();
    expect(byPath.get("ipcMode")?.message).toContain("do not support ipcMode");
  });
});
