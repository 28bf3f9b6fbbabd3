import type { RunTaskChoices } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import { withEcs } from "../aws-ports";
import { loadEnvironmentRow } from "../environments/environment-record";
import { readStoredDocument } from "../designs/stored-document";
import type { RunTaskChoicesInput } from "./schemas";

// What the Run task dialog offers: the environment's task definition families
// (ListTaskDefinitionFamilies), the revisions of the chosen one (ListTaskDefinitions), its
// containers (to override), the service's own launch and network configuration as defaults,
// and the designs' task definitions (registered first when run).

const DESIGNS_OFFERED = 50;

export async function getRunTaskChoices({ ctx, input }: { ctx: AppContext; input: RunTaskChoicesInput }): Promise<RunTaskChoices> {
  const env = await loadEnvironmentRow(ctx, input.envId);
  const rows = await ctx.db.design.findMany({ orderBy: { updatedAt: "desc" }, take: DESIGNS_OFFERED, select: { id: true, name: true, document: true } });
  const designs = rows.map((r) => ({ id: r.id, name: r.name, taskDefinitions: readStoredDocument(r.document).taskDefinitions.map((t) => ({ id: t.id, family: t.family })) }))
    .filter((d) => d.taskDefinitions.length > 0);
  return withEcs(ctx, env, async (ecs) => {
    let defaults: RunTaskChoices["defaults"];
    if (input.service) {
      const svc = (await ecs.describeServices({ cluster: input.cluster, services: [input.service] })).services[0];
      const vpc = svc?.networkConfiguration?.awsvpcConfiguration;
      if (svc) {
        defaults = {
          taskDefinition: svc.taskDefinition, launchType: svc.launchType, platformVersion: svc.platformVersion, enableExecuteCommand: svc.enableExecuteCommand,
          ...(svc.capacityProviderStrategy?.length ? { capacityProviderStrategy: svc.capacityProviderStrategy.map((c) => ({ capacityProvider: c.capacityProvider ?? "", weight: c.weight, base: c.base })) } : {}),
          ...(vpc?.subnets?.length ? { network: { subnets: vpc.subnets, securityGroups: vpc.securityGroups ?? [], ...(vpc.assignPublicIp ? { assignPublicIp: vpc.assignPublicIp } : {}) } } : {}),
        };
      }
    }
    const chosen = input.taskDefinition ?? defaults?.taskDefinition;
    const families = await ecs.listTaskDefinitionFamilies({ status: "ACTIVE" });
    let revisions: string[] = [];
    let containers: RunTaskChoices["containers"] = [];
    let networkMode: string | undefined;
    if (chosen) {
      const td = (await ecs.describeTaskDefinition({ taskDefinition: chosen })).taskDefinition;
      if (td?.family) revisions = (await ecs.listTaskDefinitions({ familyPrefix: td.family, status: "ACTIVE" })).filter((a) => a.slice(a.lastIndexOf("/") + 1).startsWith(`${td.family}:`)).reverse();
      containers = (td?.containerDefinitions ?? []).map((c) => ({ name: c.name ?? "", essential: c.essential !== false, ...(c.command ? { command: c.command } : {}) }));
      networkMode = td?.networkMode;
    }
    return { families, revisions, containers, ...(networkMode ? { networkMode } : {}), ...(defaults ? { defaults } : {}), designs };
  });
}
