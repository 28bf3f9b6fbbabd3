import type { ServiceRule } from "../types";
import { nonEmpty } from "./service-util";

export const launchTypeXorStrategy: ServiceRule = {
  id: "launch-type-xor-strategy",
  title: "A service sets launchType or capacityProviderStrategy, not both",
  severity: "error",
  scope: "service",
  check(service) {
    if (!service.launchType || !nonEmpty(service.capacityProviderStrategy)) return [];
    return [{
      path: ["launchType"],
      message: `launchType ${service.launchType} and a capacityProviderStrategy are mutually exclusive: ECS picks capacity either from the launch type or from the strategy, and rejects a request that sets both ("Specifying both a launch type and capacity provider strategy is not supported.").`,
      fix: {
        description: "Remove launchType and let the capacity provider strategy place the tasks (or remove the strategy to keep the launch type).",
        edits: [{ path: ["launchType"], value: undefined }],
      },
    }];
  },
};
