import { ListNamespacesCommand, ServiceDiscoveryClient, type NamespaceSummary } from "@aws-sdk/client-servicediscovery";
import { SERVICE_DISCOVERY_LIMITS, type ServiceDiscoveryOperation } from "../domain/aws-limits";
import { allPages, defineAwsPort } from "./port";

const COMMANDS = { ListNamespaces: ListNamespacesCommand } satisfies Record<ServiceDiscoveryOperation, unknown>;

/** The Cloud Map reads a designer needs: the Region's namespaces (every page), for the Service Connect namespace fields. */
export interface ServiceDiscoveryPort {
  listNamespaces(): Promise<NamespaceSummary[]>;
  destroy(): void;
}

/** Cloud Map of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createServiceDiscoveryPort, inProcess: createInProcessServiceDiscoveryPort } = defineAwsPort<ServiceDiscoveryPort>()({
  Client: ServiceDiscoveryClient, commands: COMMANDS, limits: SERVICE_DISCOVERY_LIMITS, sandboxPath: "/sandbox/aws",
  build: (port) => ({
    listNamespaces: () => allPages(async (NextToken) => {
      const r = await port.send("ListNamespaces", { MaxResults: SERVICE_DISCOVERY_LIMITS.operations.ListNamespaces.page, NextToken });
      return { items: r.Namespaces, nextToken: r.NextToken };
    }),
  }),
});
