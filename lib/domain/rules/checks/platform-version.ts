import type { ServiceRule } from "../types";
import { PLATFORM_VERSION_PATTERN } from "../../ecs-facts/service";
import { describeLaunch, launchOf } from "./service-util";

export const platformVersion: ServiceRule = {
  id: "platform-version",
  title: "platformVersion applies only to Fargate and is LATEST or x.y.z",
  severity: "error",
  scope: "service",
  check(service, { cluster }) {
    const version = service.platformVersion;
    if (version === undefined) return [];
    const launch = launchOf(service, cluster);
    if (launch && launch.kind !== "FARGATE") {
      return [{
        path: ["platformVersion"],
        message: `A platform version selects the Fargate runtime, so it is only valid for tasks on Fargate; this service runs on ${describeLaunch(launch)}. ECS answers "The platform version must be null when specifying an EC2 launch type."`,
        fix: { description: "Remove platformVersion.", edits: [{ path: ["platformVersion"], value: undefined }] },
      }];
    }
    if (!PLATFORM_VERSION_PATTERN.test(version)) {
      return [{
        path: ["platformVersion"],
        message: `Fargate platform versions are LATEST or a version number such as 1.4.0; "${version}" is neither, so ECS cannot find the platform version.`,
        fix: { description: 'Use "LATEST" (the recommended platform version).', edits: [{ path: ["platformVersion"], value: "LATEST" }] },
      }];
    }
    return [];
  },
};
