import { describe, expect, it } from "vitest";
import type { Design, Service } from "../../design";
import { buildIndex } from "../engine";
import { cluster, container, design, service, td } from "../test-helpers";
import { serviceConnect } from "./service-connect";

const api = td({ id: "td-api", family: "api", networkMode: "awsvpc", containerDefinitions: [container({ name: "api", portMappings: [{ containerPort: 8080, name: "http", appProtocol: "http" }] })] });
const offer = (over: Partial<NonNullable<Service["serviceConnectConfiguration"]>> = {}) => ({
  enabled: true, namespace: "shop.local", services: [{ portName: "http", discoveryName: "api", clientAliases: [{ port: 8080, dnsName: "api.shop.local" }] }], ...over,
});
const apiService = (over: Partial<Service> = {}) => service({ id: "svc-api", serviceName: "api", taskDefinition: "api", serviceConnectConfiguration: offer(), ...over });
const shop = (over: Partial<Design> = {}) => design({ clusters: [cluster()], taskDefinitions: [api], services: [apiService()], ...over });
const findings = (d: Design) => serviceConnect.check(buildIndex(d));
const paths = (d: Design) => findings(d).map((f) => f.path.join("."));

describe("service-connect", () => {
  it("accepts a service offering a named port under an alias, and a client-only member of the namespace", () => {
    const client = service({ id: "svc-web", serviceName: "web", taskDefinition: "api", serviceConnectConfiguration: { enabled: true, namespace: "shop.local" } });
    expect(findings(shop({ services: [apiService(), client] }))).toEqual([]);
    // Turned off, nothing is checked.
    expect(findings(shop({ services: [apiService({ serviceConnectConfiguration: { enabled: false } })] }))).toEqual([]);
  });

  it("needs a namespace: the service's own or the cluster's default", () => {
    const none = shop({ services: [apiService({ serviceConnectConfiguration: offer({ namespace: undefined }) })] });
    expect(paths(none)).toEqual(["services.0.serviceConnectConfiguration.namespace"]);
    expect(findings({ ...none, clusters: [cluster({ serviceConnectDefaults: { namespace: "shop.local" } })] })).toEqual([]);
  });

  it("offers only named port mappings, and needs awsvpc or bridge", () => {
    const [f] = findings(shop({ services: [apiService({ serviceConnectConfiguration: offer({ services: [{ portName: "web" }] }) })] }));
    expect(f.path.join(".")).toBe("services.0.serviceConnectConfiguration.services.0.portName");
    expect(f.fix?.edits).toEqual([{ path: ["services", 0, "serviceConnectConfiguration", "services", 0, "portName"], value: "http" }]);
    const host = td({ ...api, networkMode: "host" });
    expect(paths(shop({ taskDefinitions: [host] }))).toEqual(["services.0.serviceConnectConfiguration.enabled"]);
  });

  it("keeps discovery names and aliases unique within a namespace, and to ECS's patterns and limits", () => {
    const twin = apiService({ id: "svc-2", serviceName: "api-2" });
    const out = findings(shop({ services: [apiService(), twin] }));
    expect(out.map((f) => f.path.join("."))).toEqual(["services.1.serviceConnectConfiguration.services.0.discoveryName", "services.1.serviceConnectConfiguration.services.0.clientAliases.0"]);
    // Another namespace is another world.
    expect(findings(shop({ services: [apiService(), apiService({ id: "svc-2", serviceName: "api-2", serviceConnectConfiguration: offer({ namespace: "other.local" }) })] }))).toEqual([]);
    const bad = offer({ services: [{ portName: "http", discoveryName: "Orders API", clientAliases: [{ port: 8080, dnsName: "-x" }, { port: 70000 }] }] });
    expect(paths(shop({ services: [apiService({ serviceConnectConfiguration: bad })] }))).toEqual([
      "services.0.serviceConnectConfiguration.services.0.discoveryName",
      "services.0.serviceConnectConfiguration.services.0.clientAliases",
      "services.0.serviceConnectConfiguration.services.0.clientAliases.0.dnsName",
      "services.0.serviceConnectConfiguration.services.0.clientAliases.1.port",
    ]);
  });

  it("allows a per-request timeout only on HTTP, HTTP/2 and gRPC ports", () => {
    const tcp = td({ ...api, containerDefinitions: [container({ name: "api", portMappings: [{ containerPort: 5432, name: "http" }] })] });
    const timed = offer({ services: [{ portName: "http", timeout: { perRequestTimeoutSeconds: 30 } }] });
    expect(paths(shop({ taskDefinitions: [tcp], services: [apiService({ serviceConnectConfiguration: timed })] }))).toEqual(["services.0.serviceConnectConfiguration.services.0.timeout.perRequestTimeoutSeconds"]);
    expect(findings(shop({ services: [apiService({ serviceConnectConfiguration: timed })] }))).toEqual([]);
  });
});
