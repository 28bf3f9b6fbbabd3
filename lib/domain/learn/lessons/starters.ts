import type { ContainerDefinition, Design, Service, TaskDefinition } from "../../design";

// Building blocks of the lessons' starter designs. Subnets are placeholders: the sandbox only
// needs one to exist in the request, and real accounts would use the learner's own.

export const LEARN_SUBNET = "subnet-0learn000000000a";
export const NGINX = "public.ecr.aws/nginx/nginx:1.27";

export function fargateTaskDefinition(family: string, containerDefinitions: ContainerDefinition[], over: Partial<TaskDefinition> = {}): TaskDefinition {
  return {
    id: `td-${family}`, family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    containerDefinitions, ...over,
  };
}

export function fargateService(serviceName: string, cluster: string, taskDefinition: string, over: Partial<Service> = {}): Service {
  return {
    id: `svc-${serviceName}`, serviceName, cluster, taskDefinition, desiredCount: 2, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: [LEARN_SUBNET], assignPublicIp: "DISABLED" } },
    ...over,
  };
}

export function starterDesign(over: Partial<Design>): Design {
  return { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], layout: {}, ...over };
}

export const web = (over: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: "web", image: NGINX, essential: true, portMappings: [{ containerPort: 80, protocol: "tcp" }], ...over,
});
