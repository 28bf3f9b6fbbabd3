import { clusterNameOf, readEcsJson, type Cluster, type Service } from "../design";
import { idAllocator, isPlainObject } from "./ids";
import { nullNotes } from "./null-note";
import { importService } from "./service";
import type { ImportIssue, ImportNote } from "./types";

export type ImportServicesResult =
  | { ok: true; services: Service[]; clusters: Cluster[]; notes: ImportNote[] }
  | { ok: false; issues: ImportIssue[] };

/**
 * One CreateService input, one DescribeServices service, or a whole DescribeServices answer
 * (`{ services: [...] }`). Each cluster the services name is added, so they have a home.
 */
export function importServices(input: unknown): ImportServicesResult {
  const read = readEcsJson(input);
  if (!read.ok) return read;
  const value = read.value;
  if (isPlainObject(value) && "services" in value && !Array.isArray(value.services) && !("serviceName" in value)) {
    return { ok: false, issues: [{ path: "services", message: "The services of a DescribeServices answer must be a list" }] };
  }
  const wrapped = isPlainObject(value) && Array.isArray(value.services);
  const list: unknown[] = wrapped ? (value.services as unknown[]) : [value];
  const nextId = idAllocator();
  const services: Service[] = [];
  const notes: ImportNote[] = nullNotes(read);
  const issues: ImportIssue[] = [];
  if (wrapped && isPlainObject(value)) {
    for (const k of Object.keys(value)) {
      if (k !== "services") notes.push({ severity: "info", path: k, message: `"${k}" is part of the API answer, not a service; left out` });
    }
    if (list.length === 0) issues.push({ path: "services", message: "The answer lists no services" });
  }
  list.forEach((item, i) => {
    const name = isPlainObject(item) && typeof item.serviceName === "string" ? item.serviceName : "service";
    const r = importService(item, { id: nextId("svc", name), pathPrefix: wrapped ? `services[${i}]` : "" });
    if (!r.ok) issues.push(...r.issues);
    else { services.push(r.service); notes.push(...r.notes); }
  });
  if (issues.length > 0) return { ok: false, issues };
  const clusters: Cluster[] = [];
  for (const s of services) {
    const clusterName = clusterNameOf(s.cluster);
    if (!clusters.some((c) => c.clusterName === clusterName)) clusters.push({ id: nextId("cl", clusterName), clusterName });
  }
  return { ok: true, services, clusters, notes };
}
