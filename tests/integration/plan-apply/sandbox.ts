import { createAutoScalingPort, createCloudWatchPort, createEc2AutoScalingPort, createEc2Port, createEcsPort, createElbv2Port, createIamPort, createLogsPort, createPricingPort, createSchedulerPort, createServiceDiscoveryPort, type AwsTarget, type EcsPort } from "@/lib/aws";
import { initialState } from "@/lib/sandbox/core/state";
import { listenSandbox } from "@/lib/sandbox/node-server";
import { MemoryStore, Mutex, type SandboxDeps } from "@/lib/sandbox/store";
import type { Design } from "@/lib/domain/design";

// The built-in ECS sandbox on a local port, driven through lib/aws's real ECSClient. Time is
// frozen (speed 0) unless a test speeds it up through the control API.
export async function startPlanSandbox(region = "eu-west-1") {
  const realNow = 1_700_000_000_000;
  const store = new MemoryStore();
  await store.save({ ...initialState(realNow, 7), clock: { speed: 0, realAnchor: realNow, simAnchor: realNow } });
  const deps: SandboxDeps = { store, mutex: new Mutex(), now: () => Date.now() };
  const server = await listenSandbox(deps);
  const ecs: EcsPort = createEcsPort({ region, endpoint: server.url, credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "x" }, maxAttempts: 1 });
  async function control(body: Record<string, unknown>) {
    const res = await fetch(`${server.url}/control`, { method: "POST", body: JSON.stringify({ region, ...body }), headers: { "content-type": "application/json" } });
    const json = await res.json();
    if (!res.ok) throw new Error(`${json.__type}: ${json.message}`);
    return json;
  }
  /** The context's AWS ports onto this sandbox: each operation destroys its port when done, so every call gets a fresh one. */
  const target = (env: { region: string }, path = ""): AwsTarget => ({ region: env.region, endpoint: `${server.url}${path}`, credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1 });
  const aws = {
    ecs: (env: { region: string }) => createEcsPort(target(env)),
    elbv2: (env: { region: string }) => createElbv2Port(target(env, "/sandbox/aws")),
    ec2: (env: { region: string }) => createEc2Port(target(env, "/sandbox/aws")),
    iam: (env: { region: string }) => createIamPort(target(env, "/sandbox/aws")),
    logs: (env: { region: string }) => createLogsPort(target(env, "/sandbox/aws")),
    servicediscovery: (env: { region: string }) => createServiceDiscoveryPort(target(env, "/sandbox/aws")),
    autoscaling: (env: { region: string }) => createAutoScalingPort(target(env, "/sandbox/aws")),
    scheduler: (env: { region: string }) => createSchedulerPort(target(env, "/sandbox/aws")),
    cloudwatch: (env: { region: string }) => createCloudWatchPort(target(env, "/sandbox/aws")),
    ec2AutoScaling: (env: { region: string }) => createEc2AutoScalingPort(target(env, "/sandbox/aws")),
    pricing: (env: { region: string }) => createPricingPort(target(env, "/sandbox/aws")),
  };
  return {
    url: server.url, ecs, aws, control, region, deps, target,
    close: async () => { ecs.destroy(); await server.close(); },
  };
}

export function webDesign(): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main" }],
    taskDefinitions: [
      {
        id: "td-web", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
        containerDefinitions: [{
          name: "app", image: "nginx:1.27", portMappings: [{ containerPort: 80 }], environment: [{ name: "MODE", value: "prod" }],
          healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] },
        }],
      },
      {
        id: "td-worker", family: "worker", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "512", memory: "1024",
        containerDefinitions: [{ name: "worker", image: "busybox:1.36", command: ["sleep", "3600"], essential: true }],
      },
    ],
    services: [
      {
        id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-b", "subnet-a"], securityGroups: ["sg-1"] } },
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
      },
      {
        id: "svc-worker", serviceName: "worker", cluster: "main", taskDefinition: "worker", desiredCount: 1, launchType: "FARGATE",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"] } },
      },
    ],
    layout: {},
  };
}
