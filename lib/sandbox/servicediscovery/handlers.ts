import type { Handlers } from "../core/engine";
import * as namespaces from "./namespaces";
import * as services from "./services";

// Cloud Map's handler table: the X-Amz-Target operation → the function of its resource file.
// Anything else answers UnknownOperationException.
export const SERVICE_DISCOVERY_HANDLERS: Handlers = {
  CreateHttpNamespace: namespaces.createHttpNamespace,
  CreatePrivateDnsNamespace: namespaces.createPrivateDnsNamespace,
  GetNamespace: namespaces.getNamespace,
  ListNamespaces: namespaces.listNamespaces,
  DeleteNamespace: namespaces.deleteNamespace,
  GetOperation: services.getOperation,
  ListServices: services.listServices,
  GetService: services.getService,
  ListInstances: services.listInstances,
  DiscoverInstances: services.discoverInstances,
};
