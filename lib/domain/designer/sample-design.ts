import type { Design } from "../design";

// "Load sample design" on an empty canvas: a realistic two-service Fargate shop. The storefront
// sits behind an internet-facing Application Load Balancer (HTTP :80 forwarding to its target
// group; no subnets named, so apply puts it in the environment's default VPC); the orders API is internal and reads its database
// password from Secrets Manager. Both log to CloudWatch and run two tasks across two AZs.

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const network = {
  awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], securityGroups: ["sg-0a1b2c3d4e5f60003"], assignPublicIp: "DISABLED" as const },
};
// awslogs-create-group: the task's first start creates its group (the execution role needs
// logs:CreateLogGroup); without it ECS fails every task whose group does not exist yet.
const logs = (group: string, prefix: string) => ({
  logDriver: "awslogs" as const,
  options: { "awslogs-group": group, "awslogs-region": REGION, "awslogs-stream-prefix": prefix, "awslogs-create-group": "true" },
});
const executionRoleArn = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;

export function sampleShopDesign(): Design {
  return {
    schemaVersion: 1,
    clusters: [{
      id: "cl-shop", clusterName: "shop",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }],
      settings: [{ name: "containerInsights", value: "enabled" }],
    }],
    taskDefinitions: [
      {
        id: "td-storefront", family: "storefront", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "512", memory: "1024",
        executionRoleArn, runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        containerDefinitions: [{
          name: "web", image: "public.ecr.aws/nginx/nginx:1.27", essential: true, cpu: 512, memoryReservation: 512,
          portMappings: [{ containerPort: 80, protocol: "tcp", name: "http", appProtocol: "http" }],
          environment: [{ name: "ORDERS_URL", value: "http://orders-api.shop.local:8080" }],
          healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
          logConfiguration: logs("/ecs/storefront", "web"),
        }],
      },
      {
        id: "td-orders", family: "orders-api", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "1024", memory: "2048",
        executionRoleArn, taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/orders-api-task`,
        containerDefinitions: [{
          name: "api", image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders-api:1.4.2`, essential: true, cpu: 1024, memoryReservation: 1536,
          portMappings: [{ containerPort: 8080, protocol: "tcp", name: "api" }],
          environment: [{ name: "PORT", value: "8080" }],
          secrets: [{ name: "DB_PASSWORD", valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:orders-db-password` }],
          healthCheck: { command: ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 20 },
          logConfiguration: logs("/ecs/orders-api", "api"),
        }],
      },
    ],
    services: [
      {
        id: "svc-storefront", serviceName: "storefront", cluster: "shop", taskDefinition: "storefront", desiredCount: 2, launchType: "FARGATE",
        networkConfiguration: network, healthCheckGracePeriodSeconds: 60,
        loadBalancers: [{ targetGroupArn: "targetgroup/storefront-tg", containerName: "web", containerPort: 80 }],
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
        propagateTags: "SERVICE", tags: [{ key: "app", value: "shop" }],
      },
      {
        id: "svc-orders", serviceName: "orders-api", cluster: "shop", taskDefinition: "orders-api", desiredCount: 2, launchType: "FARGATE",
        networkConfiguration: network,
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
        propagateTags: "SERVICE", tags: [{ key: "app", value: "shop" }],
      },
    ],
    targetGroups: [{ id: "tg-storefront", name: "storefront-tg", targetType: "ip", port: 80, protocol: "HTTP", healthCheck: { path: "/" } }],
    loadBalancers: [{
      id: "lb-storefront", name: "storefront-alb", type: "application", scheme: "internet-facing",
      listeners: [{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/storefront-tg" }] } }],
    }],
    layout: {
      "lb-storefront": { x: -640, y: 84 },
      "tg-storefront": { x: -300, y: 84 },
      "cl-shop": { x: 0, y: 0 },
      "svc-storefront": { x: 16, y: 84 },
      "svc-orders": { x: 16, y: 184 },
      "td-storefront": { x: 420, y: -60 },
      "td-storefront/web": { x: 16, y: 84 },
      "td-orders": { x: 420, y: 180 },
      "td-orders/api": { x: 16, y: 84 },
    },
  };
}
