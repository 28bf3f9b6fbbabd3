import { clusterNameOf, familyOf } from "../../design";
import { ALIAS_DNS_NAME, DISCOVERY_NAME, MAX_CLIENT_ALIASES, SERVICE_CONNECT_NETWORK_MODES } from "../../ecs-facts/service";
import { networkModeOf } from "../../ecs-facts/task-definition";
import type { DesignRule, Finding } from "../types";

// Service Connect: a service joins a Cloud Map namespace (its own, or its cluster's default) and
// may offer named port mappings of its task definition under a discovery name and a client alias
// (dnsName:port) that the namespace's other services connect to. Checked across the design,
// because discovery names and aliases are unique within a namespace.

export const serviceConnect: DesignRule = {
  id: "service-connect",
  title: "Service Connect names ports, a namespace and aliases ECS accepts",
  severity: "error",
  scope: "design",
  check({ design, tdByFamily, clusterByName }) {
    const out: Finding[] = [];
    const discovery = new Map<string, string>();
    const aliases = new Map<string, string>();
    design.services.forEach((svc, i) => {
      const sc = svc.serviceConnectConfiguration;
      if (!sc?.enabled) return;
      const resource = { kind: "service" as const, id: svc.id, name: svc.serviceName };
      const at = ["services", i, "serviceConnectConfiguration"];
      const push = (path: (string | number)[], message: string, fix?: Finding["fix"]) => out.push({ ruleId: "service-connect", severity: "error", resource, path, message, ...(fix ? { fix } : {}) });
      const cluster = clusterByName.get(clusterNameOf(svc.cluster))?.[0];
      const namespace = sc.namespace ?? cluster?.serviceConnectDefaults?.namespace;
      if (!namespace) {
        push([...at, "namespace"], `Service Connect needs a Cloud Map namespace: the service names none and cluster ${clusterNameOf(svc.cluster)} has no serviceConnectDefaults namespace.`,
          { description: "Set the service's namespace (e.g. shop.local), or the cluster's default Service Connect namespace." });
      }
      const td = tdByFamily.get(familyOf(svc.taskDefinition))?.[0];
      if (!td) return;
      const mode = networkModeOf(td);
      if (!SERVICE_CONNECT_NETWORK_MODES.includes(mode)) {
        push([...at, "enabled"], `Service Connect runs a proxy beside each task, which needs the awsvpc or bridge network mode; task definition ${td.family} uses ${mode}.`,
          { description: "Use awsvpc (or bridge) for the task definition, or turn Service Connect off." });
      }
      const mappings = td.containerDefinitions.flatMap((c) => (c.portMappings ?? []).map((p) => ({ container: c.name, ...p })));
      const names = new Map<string, number>();
      for (const m of mappings) if (m.name) names.set(m.name, (names.get(m.name) ?? 0) + 1);
      (sc.services ?? []).forEach((entry, j) => {
        const eAt = [...at, "services", j];
        const count = names.get(entry.portName) ?? 0;
        if (count === 0) {
          const named = [...names.keys()];
          push([...eAt, "portName"], `No port mapping of task definition ${td.family} is named "${entry.portName}"; Service Connect offers a port by its portMappings[].name.`,
            named.length === 1 ? { description: `Use "${named[0]}".`, edits: [{ path: [...eAt, "portName"], value: named[0] }] } : { description: named.length ? `Use one of ${named.join(", ")}.` : "Name the container's port mapping (portMappings[].name) and use that name." });
        } else if (count > 1) {
          push([...eAt, "portName"], `Several port mappings of ${td.family} are named "${entry.portName}"; port mapping names must be unique within the task definition.`, { description: "Give each port mapping its own name." });
        }
        const mapping = mappings.find((m) => m.name === entry.portName);
        if (entry.timeout?.perRequestTimeoutSeconds !== undefined && mapping && !mapping.appProtocol) {
          push([...eAt, "timeout", "perRequestTimeoutSeconds"], `perRequestTimeoutSeconds applies to HTTP, HTTP/2 and gRPC; port mapping "${entry.portName}" has no appProtocol, so Service Connect treats it as TCP, where only idleTimeoutSeconds is allowed.`,
            { description: "Set the port mapping's appProtocol (http, http2 or grpc), or remove perRequestTimeoutSeconds.", edits: [{ path: [...eAt, "timeout", "perRequestTimeoutSeconds"], value: undefined }] });
        }
        const discoveryName = entry.discoveryName ?? entry.portName;
        if (entry.discoveryName !== undefined && !DISCOVERY_NAME.test(entry.discoveryName)) {
          push([...eAt, "discoveryName"], `A discovery name is up to 64 lowercase letters, digits, underscores and hyphens, not starting with a hyphen; "${entry.discoveryName}" is refused.`,
            { description: "Use a name such as orders-api.", edits: [{ path: [...eAt, "discoveryName"], value: entry.discoveryName.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+/, "").slice(0, 64) }] });
        }
        if (namespace) {
          const key = `${namespace}\u0000${discoveryName}`;
          const first = discovery.get(key);
          if (first) push([...eAt, "discoveryName"], `Service ${first} already registers "${discoveryName}" in namespace ${namespace}; discovery names are unique within a namespace.`, { description: "Give this one another discoveryName." });
          else discovery.set(key, svc.serviceName);
        }
        const list = entry.clientAliases ?? [];
        if (list.length > MAX_CLIENT_ALIASES) {
          push([...eAt, "clientAliases"], `A Service Connect service has at most ${MAX_CLIENT_ALIASES} client alias; this one lists ${list.length}.`, { description: "Keep one alias (add another services entry for another port)." });
        }
        list.forEach((alias, k) => {
          const aAt = [...eAt, "clientAliases", k];
          if (alias.port < 1 || alias.port > 65535) push([...aAt, "port"], `A client alias port is 1–65535; ${alias.port} is refused.`, { description: "Use the port the clients call, e.g. 8080." });
          if (alias.dnsName !== undefined && !ALIAS_DNS_NAME.test(alias.dnsName)) {
            push([...aAt, "dnsName"], `A client alias's DNS name is up to 127 lowercase letters, digits, underscores, hyphens and periods, not starting with a hyphen; "${alias.dnsName}" is refused.`, { description: "Use a name such as orders-api.shop.local." });
          }
          if (!namespace) return;
          const endpoint = `${alias.dnsName ?? discoveryName}:${alias.port}`;
          const key = `${namespace}\u0000${endpoint}`;
          const first = aliases.get(key);
          if (first) push([...aAt], `Service ${first} already offers ${endpoint} in namespace ${namespace}; each alias name and port is unique within a namespace.`, { description: "Use another DNS name or port." });
          else aliases.set(key, svc.serviceName);
        });
      });
    });
    return out;
  },
};
