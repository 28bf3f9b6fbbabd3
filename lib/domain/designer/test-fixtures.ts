import type { Design } from "../design";

/** A small design used by the designer tests (and the e2e seed): one cluster, one service, one two-container task. */
export function sampleDesign(): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main" }],
    taskDefinitions: [{
      id: "td-web", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [
        { name: "app", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }], dependsOn: [{ containerName: "log", condition: "START" }] },
        { name: "log", image: "fluent-bit:3", essential: false },
      ],
    }],
    services: [{ id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE" }],
    layout: { "cl-main": { x: 0, y: 0 }, "td-web": { x: 600, y: 0 }, "td-web/app": { x: 16, y: 84 }, "td-web/log": { x: 252, y: 84 }, "svc-web": { x: 16, y: 84 } },
  };
}

export function emptyDesign(): Design {
  return { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], layout: {} };
}
