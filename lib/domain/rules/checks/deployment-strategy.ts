import type { Service } from "../../design";
import {
  CANARY_PERCENT, LINEAR_STEP_PERCENT, MAX_BAKE_TIME_MINUTES, PAUSE_FORBIDDEN_STAGES, TRAFFIC_SHIFTING_STRATEGIES, isTenth,
} from "../../ecs-facts/service";
import type { PathSegment, RuleFinding, ServiceRule } from "../types";

// Blue/green, linear and canary deployments of the ECS deployment controller: what each strategy
// needs (a load balancer with a second target group and listener rules, or Service Connect), the
// ranges of bake times and traffic steps, and which lifecycle hooks may run where.

const at = ["deploymentConfiguration"];

function bake(out: RuleFinding[], path: PathSegment[], value: number | undefined) {
  if (value === undefined || (Number.isInteger(value) && value >= 0 && value <= MAX_BAKE_TIME_MINUTES)) return;
  const fixed = Math.max(0, Math.min(Math.round(value), MAX_BAKE_TIME_MINUTES));
  out.push({ path, message: `A bake time is a whole number of minutes from 0 to ${MAX_BAKE_TIME_MINUTES} (24 hours); ECS refuses ${value}.`, fix: { description: `Use ${fixed} minutes.`, edits: [{ path, value: fixed }] } });
}

function percent(out: RuleFinding[], path: PathSegment[], value: number | undefined, range: { min: number; max: number }, what: string) {
  if (value === undefined || (value >= range.min && value <= range.max && isTenth(value))) return;
  const fixed = Math.round(Math.max(range.min, Math.min(value, range.max)) * 10) / 10;
  out.push({ path, message: `${what} is a multiple of 0.1 from ${range.min} to ${range.max}; ECS refuses ${value}.`, fix: { description: `Use ${fixed}.`, edits: [{ path, value: fixed }] } });
}

function checkLoadBalancers(out: RuleFinding[], service: Service, strategy: string) {
  (service.loadBalancers ?? []).forEach((lb, i) => {
    const lat = ["loadBalancers", i, "advancedConfiguration"];
    const adv = lb.advancedConfiguration;
    if (!adv) {
      out.push({
        path: lat,
        message: `A ${strategy} deployment shifts traffic between two target groups, so each load balancer entry needs advancedConfiguration: the alternate target group, the production listener rule (the listener, for a Network Load Balancer) and a role that lets ECS change them.`,
        fix: { description: "Add advancedConfiguration with alternateTargetGroupArn, productionListenerRule (and testListenerRule for test traffic) and roleArn." },
      });
      return;
    }
    const missing = (["alternateTargetGroupArn", "productionListenerRule", "roleArn"] as const).filter((k) => !adv[k]);
    if (missing.length) {
      out.push({ path: [...lat, missing[0]], message: `advancedConfiguration needs ${missing.join(", ")} for a ${strategy} deployment.`, fix: { description: `Set ${missing.join(", ")}.` } });
    }
    if (adv.alternateTargetGroupArn && adv.alternateTargetGroupArn === lb.targetGroupArn) {
      out.push({
        path: [...lat, "alternateTargetGroupArn"],
        message: "The alternate target group must be another target group than the primary one: the new (green) tasks register there while the old (blue) ones keep serving.",
        fix: { description: "Use a second target group on the same listener." },
      });
    }
    if (adv.testListenerRule && adv.testListenerRule === adv.productionListenerRule) {
      out.push({ path: [...lat, "testListenerRule"], message: "The test listener rule must differ from the production one: test traffic reaches the green tasks before production traffic does.", fix: { description: "Use a separate rule (e.g. a header or port) for test traffic, or remove testListenerRule." } });
    }
  });
}

function checkHooks(out: RuleFinding[], service: Service, shifting: boolean) {
  (service.deploymentConfiguration?.lifecycleHooks ?? []).forEach((hook, i) => {
    const hat = [...at, "lifecycleHooks", i];
    const type = hook.targetType ?? "AWS_LAMBDA";
    const stages = hook.lifecycleStages ?? [];
    if (!shifting) {
      out.push({ severity: "warning", path: hat, message: "Lifecycle hooks run at the stages of blue/green, linear and canary deployments; with a rolling deployment this one never runs.", fix: { description: "Set strategy to BLUE_GREEN, LINEAR or CANARY, or remove the hook." } });
    }
    if (stages.length === 0) out.push({ path: [...hat, "lifecycleStages"], message: "A lifecycle hook must name the stages it runs at (lifecycleStages).", fix: { description: "Add a stage, e.g. POST_TEST_TRAFFIC_SHIFT to check the green tasks before production traffic." } });
    if (type === "AWS_LAMBDA" && !hook.hookTargetArn) {
      out.push({ path: [...hat, "hookTargetArn"], message: "An AWS_LAMBDA hook must name its Lambda function (hookTargetArn).", fix: { description: "Set hookTargetArn to the function's ARN, or make it a PAUSE hook." } });
    }
    if (type === "AWS_LAMBDA" && !hook.roleArn) {
      out.push({ path: [...hat, "roleArn"], message: "ECS calls the hook's Lambda function with a role of yours (roleArn) that allows lambda:InvokeFunction.", fix: { description: "Set roleArn to a role ECS can assume that may invoke the function." } });
    }
    if (type === "PAUSE") {
      const bad = stages.filter((s) => PAUSE_FORBIDDEN_STAGES.includes(s));
      if (bad.length) {
        out.push({
          path: [...hat, "lifecycleStages"],
          message: `PAUSE hooks cannot run at ${bad.join(" or ")}: traffic is moving then. Pause before it (PRE_PRODUCTION_TRAFFIC_SHIFT) or after it (POST_TEST_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT).`,
          fix: { description: `Remove ${bad.join(", ")}.`, edits: [{ path: [...hat, "lifecycleStages"], value: stages.filter((s) => !bad.includes(s)) }] },
        });
      }
      if (hook.hookTargetArn) out.push({ severity: "warning", path: [...hat, "hookTargetArn"], message: "A PAUSE hook waits for ContinueServiceDeployment; hookTargetArn is not used.", fix: { description: "Remove hookTargetArn.", edits: [{ path: [...hat, "hookTargetArn"], value: undefined }] } });
    }
  });
}

export const deploymentStrategy: ServiceRule = {
  id: "deployment-strategy",
  title: "Blue/green, linear and canary deployments have what ECS needs to shift traffic",
  severity: "error",
  scope: "service",
  check(service) {
    const out: RuleFinding[] = [];
    const cfg = service.deploymentConfiguration;
    const strategy = cfg?.strategy ?? "ROLLING";
    const shifting = TRAFFIC_SHIFTING_STRATEGIES.includes(strategy);
    const controller = service.deploymentController?.type ?? "ECS";
    if (shifting && controller !== "ECS") {
      out.push({
        path: [...at, "strategy"],
        message: `The ${strategy} strategy belongs to the ECS deployment controller; with ${controller} the deployment is run elsewhere (${controller === "CODE_DEPLOY" ? "by CodeDeploy" : "by your own tooling"}).`,
        fix: { description: "Use the ECS deployment controller (ECS's own blue/green supersedes CodeDeploy's), or remove the strategy.", edits: [{ path: ["deploymentController"], value: { type: "ECS" } }] },
      });
    }
    if (shifting && !(service.loadBalancers?.length) && !service["serviceConnectConfiguration"]) {
      out.push({
        path: [...at, "strategy"],
        message: `A ${strategy} deployment shifts traffic from the old tasks to the new ones, so the service needs a load balancer (or Service Connect) to shift it on.`,
        fix: { description: "Put the service behind a load balancer with two target groups, use Service Connect, or deploy with ROLLING.", edits: [{ path: [...at, "strategy"], value: "ROLLING" }] },
      });
    }
    if (strategy === "BLUE_GREEN" && cfg?.bakeTimeInMinutes === undefined) {
      out.push({
        path: [...at, "bakeTimeInMinutes"],
        message: "A BLUE_GREEN deployment needs bakeTimeInMinutes: how long both revisions keep running after production traffic moved, so a rollback is instant.",
        fix: { description: "Set a bake time, e.g. 10 minutes (0 ends the deployment at once).", edits: [{ path: [...at, "bakeTimeInMinutes"], value: 10 }] },
      });
    }
    bake(out, [...at, "bakeTimeInMinutes"], cfg?.bakeTimeInMinutes);
    if (cfg?.linearConfiguration && strategy !== "LINEAR") {
      out.push({ path: [...at, "linearConfiguration"], message: `linearConfiguration is only valid with the LINEAR strategy; this service deploys with ${strategy}.`, fix: { description: "Remove linearConfiguration, or set strategy to LINEAR.", edits: [{ path: [...at, "linearConfiguration"], value: undefined }] } });
    }
    if (cfg?.canaryConfiguration && strategy !== "CANARY") {
      out.push({ path: [...at, "canaryConfiguration"], message: `canaryConfiguration is only valid with the CANARY strategy; this service deploys with ${strategy}.`, fix: { description: "Remove canaryConfiguration, or set strategy to CANARY.", edits: [{ path: [...at, "canaryConfiguration"], value: undefined }] } });
    }
    percent(out, [...at, "linearConfiguration", "stepPercent"], cfg?.linearConfiguration?.stepPercent, LINEAR_STEP_PERCENT, "stepPercent (the share of production traffic each step moves)");
    bake(out, [...at, "linearConfiguration", "stepBakeTimeInMinutes"], cfg?.linearConfiguration?.stepBakeTimeInMinutes);
    percent(out, [...at, "canaryConfiguration", "canaryPercent"], cfg?.canaryConfiguration?.canaryPercent, CANARY_PERCENT, "canaryPercent (the share of production traffic the canary gets)");
    bake(out, [...at, "canaryConfiguration", "canaryBakeTimeInMinutes"], cfg?.canaryConfiguration?.canaryBakeTimeInMinutes);
    if (shifting) checkLoadBalancers(out, service, strategy);
    checkHooks(out, service, shifting);
    return out;
  },
};
