import { ListNamespacesCommand, ServiceDiscoveryClient, type NamespaceSummary } from "@aws-sdk/client-servicediscovery";
import { SERVICE_DISCOVERY_LIMITS, type ServiceDiscoveryOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { allPages, createAwsPort, type AwsPort } from "./port";

const COMMANDS = { ListNamespaces: ListNamespacesCommand } satisfies Record<ServiceDiscoveryOperation, unknown>;

/** The Cloud Map reads a designer needs: the Region's namespaces (every page), for the Service Connect namespace fields. */
export interface ServiceDiscoveryPort {
  listNamespaces(): Promise<NamespaceSummary[]>;
  destroy(): void;
}

export function serviceDiscoveryPortOver(client: ServiceDiscoveryClient, pacer: Pacer): ServiceDiscoveryPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: SERVICE_DISCOVERY_LIMITS, pacer });
  return {
    listNamespaces: () => allPages(async (NextToken) => {
      const r = await port.send("ListNamespaces", { MaxResults: SERVICE_DISCOVERY_LIMITS.operations.ListNamespaces.page, NextToken });
      return { items: r.Namespaces, nextToken: r.NextToken };
    }),
    destroy: () => port.destroy(),
  };
}

/** Cloud Map of an AWS account (or any implementation at `endpoint`), paced unless a shared pacer is given. */
export function createServiceDiscoveryPort(target: AwsTarget, pacer: Pacer = createPacer(SERVICE_DISCOVERY_LIMITS.buckets)): ServiceDiscoveryPort {
  return serviceDiscoveryPortOver(new ServiceDiscoveryClient(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real Cloud Map client with its HTTP layer replaced by `handle`. */
export function createInProcessServiceDiscoveryPort(handle: InProcessHandler, region: string): ServiceDiscoveryPort {
  return serviceDiscoveryPortOver(new ServiceDiscoveryClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
