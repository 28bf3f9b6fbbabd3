import type { Design, Service } from "../design";
import { clusterNameOf } from "../design";

// Service Connect on the canvas: every service with Service Connect on is a client of its
// namespace and reaches each endpoint (client alias) another service of that namespace offers.
// The namespace is the service's own or its cluster's serviceConnectDefaults one.

export type ServiceConnectLink = {
  client: string;
  server: string;
  /**
   * The endpoint clients call: the alias's dnsName and port. Without a dnsName ECS uses
   * `discoveryName.namespace` (the port name when there is no discovery name); a namespace given
   * by ARN has no name here, so the short name stands in.
   */
  endpoint: string;
  namespace: string;
  entry: number;
  alias: number;
};

/** The namespace a service's Service Connect joins, or undefined when it has none (or Service Connect is off). */
export function serviceConnectNamespace(design: Design, s: Service): string | undefined {
  const sc = s.serviceConnectConfiguration;
  if (!sc?.enabled) return undefined;
  if (sc.namespace) return sc.namespace;
  return design.clusters.find((c) => c.clusterName === clusterNameOf(s.cluster))?.serviceConnectDefaults?.namespace;
}

/** Client → server links, one per endpoint a service offers and each other service of its namespace. */
export function serviceConnectLinks(design: Design): ServiceConnectLink[] {
  const byNamespace = new Map<string, Service[]>();
  for (const s of design.services) {
    const ns = serviceConnectNamespace(design, s);
    if (!ns) continue;
    const list = byNamespace.get(ns);
    if (list) list.push(s);
    else byNamespace.set(ns, [s]);
  }
  const out: ServiceConnectLink[] = [];
  for (const [namespace, members] of byNamespace) {
    for (const server of members) {
      (server.serviceConnectConfiguration?.services ?? []).forEach((entry, e) => {
        (entry.clientAliases ?? []).forEach((alias, a) => {
          const short = entry.discoveryName ?? entry.portName;
          const endpoint = `${alias.dnsName ?? (namespace.startsWith("arn:") ? short : `${short}.${namespace}`)}:${alias.port}`;
          for (const client of members) {
            if (client !== server) out.push({ client: client.id, server: server.id, endpoint, namespace, entry: e, alias: a });
          }
        });
      });
    }
  }
  return out;
}
