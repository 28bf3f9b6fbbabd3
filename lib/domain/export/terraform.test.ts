import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import type { Design } from "../design";
import { hclString } from "./hcl";
import { exportTerraform, terraformAddresses } from "./terraform";
import { everythingDesign, fixtureDesigns, scaledDesign } from "./test-designs";
import { TERRAFORM_ARGUMENTS, unknownArguments } from "./test-terraform-arguments";

type Json = Record<string, unknown>;

const mainTf = (d: Design, opts = {}) => exportTerraform(d, { singleFile: true, ...opts }).files[0].text;

async function parsed(text: string) {
  return (await parse("main.tf", text)) as { resource?: Record<string, Record<string, Json[]>>; variable?: Record<string, Json[]>; import?: Json[]; terraform?: Json[] };
}

describe("exportTerraform", () => {
  for (const { name, design } of [...fixtureDesigns(), { name: "scaled", design: scaledDesign() }]) {
    it(`writes parseable HCL with only documented arguments, and resolvable references: ${name}`, async () => {
      const text = mainTf(design);
      const hcl = await parsed(text);
      const problems: string[] = [];
      const declared = new Set<string>();
      for (const [type, byLabel] of Object.entries(hcl.resource ?? {})) {
        expect(TERRAFORM_ARGUMENTS[type], `resource type ${type}`).toBeDefined();
        for (const [label, bodies] of Object.entries(byLabel)) {
          declared.add(`${type}.${label}`);
          for (const b of bodies) unknownArguments(b, TERRAFORM_ARGUMENTS[type], `${type}.${label}`, problems);
        }
      }
      expect(problems).toEqual([]);
      const variables = new Set(Object.keys(hcl.variable ?? {}));
      const code = text.split("\n").filter((l) => !l.trim().startsWith("#")).join("\n");
      for (const m of code.matchAll(/\b(aws_[a-z_]+\.[a-z0-9_]+)(?=[.\]\s,])/g)) {
        if (!/^aws_[a-z_]+$/.test(m[1])) expect(declared, `reference ${m[1]}`).toContain(m[1]);
      }
      for (const m of code.matchAll(/\bvar\.([a-z0-9_]+)/g)) expect(variables, `var.${m[1]}`).toContain(m[1]);
    });
  }

  it("normalises container definitions as the provider reads them back, and task cpu/memory in units", async () => {
    const hcl = await parsed(mainTf(everythingDesign()));
    const td = hcl.resource!.aws_ecs_task_definition.api[0];
    expect(td.cpu).toBe("1024");
    expect(td.memory).toBe("2048");
    const cd = String(td.container_definitions);
    expect(cd.startsWith("${jsonencode(")).toBe(true);
    // essential filled in, cpu 0 dropped, hostPort = containerPort in awsvpc, protocol tcp, health check defaults, env sorted by name.
    expect(cd).toContain('"essential" = false');
    expect(cd).not.toMatch(/"cpu" = 0/);
    expect(cd).toMatch(/"hostPort" = 8080/);
    expect(cd).toMatch(/"protocol" = "tcp"/);
    expect(cd).toMatch(/"interval" = 30/);
    expect(cd.indexOf('"TEMPLATE"')).toBeLessThan(cd.indexOf('"Z"'));
  });

  it("escapes ${, %{, quotes, backslashes and newlines so strings stay literal", async () => {
    const nasty = 'Hello ${name} %{if x}"q"\nnext\\line\ttab';
    expect(hclString(nasty)).toBe('"Hello $${name} %%{if x}\\"q\\"\\nnext\\\\line\\ttab"');
    const design: Design = { schemaVersion: 1, clusters: [{ id: "c", clusterName: "c", tags: [{ key: "k", value: nasty }] }], taskDefinitions: [], services: [], layout: {} };
    const hcl = await parsed(mainTf(design));
    // hcl2json keeps template escapes as Terraform would evaluate them: $${ is the text ${.
    const value = (hcl.resource!.aws_ecs_cluster.c[0].tags as Json).k as string;
    expect(value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")).toBe(nasty);
  });

  it("references design resources: cluster, task definition, target groups, listener rules; services wait for their listeners", async () => {
    const hcl = await parsed(mainTf(everythingDesign()));
    const svc = hcl.resource!.aws_ecs_service.api[0];
    expect(svc.cluster).toBe("${aws_ecs_cluster.prod.arn}");
    expect(svc.task_definition).toBe("${aws_ecs_task_definition.api.arn}");
    const lbs = svc.load_balancer as Json[];
    expect(lbs[0].target_group_arn).toBe("${aws_lb_target_group.api_blue.arn}");
    const adv = (lbs[0].advanced_configuration as Json[])[0];
    expect(adv.alternate_target_group_arn).toBe("${aws_lb_target_group.api_green.arn}");
    expect(adv.production_listener_rule).toBe("${aws_lb_listener_rule.api_alb_443_10.arn}");
    expect(adv.test_listener_rule).toBeUndefined();
    expect(lbs[1].target_group_arn).toMatch(/^arn:aws:elasticloadbalancing:.*targetgroup\/legacy/);
    expect(svc.depends_on).toEqual(["${aws_lb_listener.api_alb_443}"]);
    const net = (svc.network_configuration as Json[])[0];
    expect(net).toEqual({ subnets: "${var.api_subnets}", security_groups: "${var.api_security_groups}", assign_public_ip: true });
    expect(hcl.variable!.api_subnets[0].default).toEqual(["subnet-a"]);
    const rule = hcl.resource!.aws_lb_listener_rule.api_alb_443_10[0];
    expect(rule.listener_arn).toBe("${aws_lb_listener.api_alb_443.arn}");
    expect(rule.condition).toEqual([{ path_pattern: [{ values: ["/api/*"] }] }, { http_request_method: [{ values: ["GET"] }] }]);
    const forward = ((rule.action as Json[])[0].forward as Json[])[0];
    expect(forward.target_group).toEqual([{ arn: "${aws_lb_target_group.api_blue.arn}", weight: 100 }, { arn: "${aws_lb_target_group.api_green.arn}", weight: 0 }]);
    // One target group without a weight: target_group_arn, as the provider reads it back.
    expect((hcl.resource!.aws_lb_listener_rule.api_alb_443_20[0].action as Json[])[0].target_group_arn).toBe("${aws_lb_target_group.api_green.arn}");
    expect(hcl.resource!.aws_lb.api_alb[0].internal).toBe(true);
    expect(hcl.resource!.aws_lb_target_group.api_blue[0].deregistration_delay).toBe(30);
    expect(hcl.resource!.aws_lb_target_group.legacy).toBeUndefined();
    expect(hcl.resource!.aws_lb.shared).toBeUndefined();
  });

  it("pins the provider to the version the design's deployment configuration needs", async () => {
    const canary = exportTerraform(everythingDesign());
    expect(canary.providerVersion).toBe("6.21.0");
    const d = everythingDesign();
    d.services[0].deploymentConfiguration = { strategy: "BLUE_GREEN", bakeTimeInMinutes: 5 };
    expect(exportTerraform(d).providerVersion).toBe("6.4.0");
    d.services[0].deploymentConfiguration = { minimumHealthyPercent: 50 };
    d.services[0].loadBalancers = [{ targetGroupArn: "targetgroup/api-blue", containerName: "api", containerPort: 8080 }];
    expect(exportTerraform(d).providerVersion).toBe("6.0.0");
    const hcl = await parsed(exportTerraform(everythingDesign()).files.find((f) => f.path === "versions.tf")!.text);
    expect(JSON.stringify(hcl.terraform)).toContain(">= 6.21.0");
  });

  it("leaves image and desired count to others with ignore_changes, and writes import blocks", async () => {
    const design = everythingDesign();
    const address = terraformAddresses(design).find((a) => a.kind === "service")!.address;
    const hcl = await parsed(mainTf(design, { ignoreChanges: ["image", "desiredCount"], imports: [{ address, id: "prod/api" }] }));
    expect(hcl.resource!.aws_ecs_service.api[0].lifecycle).toEqual([{ ignore_changes: ["${task_definition}", "${desired_count}"] }]);
    expect(hcl.import).toEqual([{ to: "${aws_ecs_service.api}", id: "prod/api" }]);
    const plain = await parsed(mainTf(design));
    expect(plain.resource!.aws_ecs_service.api[0].lifecycle).toBeUndefined();
  });

  it("lists what it could not express in a trailing comment, never dropping a field", () => {
    const r = exportTerraform(everythingDesign());
    const main = r.files.find((f) => f.path === "main.tf")!.text;
    const tail = main.slice(main.lastIndexOf("# Not expressed"));
    for (const u of r.unexpressed) expect(tail).toContain(`${u.resource}: ${u.path}`);
    const paths = r.unexpressed.map((u) => `${u.resource}: ${u.path}`);
    expect(paths).toEqual(expect.arrayContaining([
      'cluster "prod": instances[0].cpu',
      'service "api": deploymentConfiguration.lifecycleHooks[1].targetType',
      'service "api": deploymentConfiguration.lifecycleHooks[1].timeoutConfiguration.timeoutInMinutes',
      'service "api": loadBalancers[0].advancedConfiguration.testListenerRule',
      'target group "legacy": targetGroupArn',
      'load balancer "shared": loadBalancerArn',
    ]));
    // ids are the design's bookkeeping, not a field AWS has.
    expect(paths.some((p) => p.endsWith(": id"))).toBe(false);
  });

  it("splits into versions.tf, variables.tf and main.tf unless asked for one file", () => {
    expect(exportTerraform(everythingDesign()).files.map((f) => f.path)).toEqual(["versions.tf", "variables.tf", "main.tf"]);
    expect(exportTerraform(everythingDesign(), { singleFile: true }).files.map((f) => f.path)).toEqual(["main.tf"]);
  });

  it("writes capacity providers of both kinds with variables for account values, and associates the cluster with the Auto Scaling group's", async () => {
    const r = exportTerraform(scaledDesign(), { singleFile: true });
    const hcl = await parsed(r.files[0].text);
    expect(hcl.resource!.aws_ecs_capacity_provider.shop_asg[0]).toEqual({
      name: "shop-asg", tags: { team: "shop", "cost-centre": "42" },
      auto_scaling_group_provider: [{
        auto_scaling_group_arn: "${var.shop_asg_auto_scaling_group_arn}", managed_termination_protection: "DISABLED", managed_draining: "ENABLED",
        managed_scaling: [{ status: "ENABLED", target_capacity: 90, minimum_scaling_step_size: 1, maximum_scaling_step_size: 4, instance_warmup_period: 120 }],
      }],
    });
    expect(hcl.resource!.aws_ecs_capacity_provider.shop_mi[0]).toEqual({
      name: "shop-mi", cluster: "${aws_ecs_cluster.shop.name}",
      managed_instances_provider: [{
        infrastructure_role_arn: "${var.shop_mi_infrastructure_role_arn}", propagate_tags: "CAPACITY_PROVIDER", infrastructure_optimization: [{ scale_in_after: 600 }],
        instance_launch_template: [{
          ec2_instance_profile_arn: "${var.shop_mi_instance_profile_arn}", monitoring: "BASIC", storage_configuration: [{ storage_size_gib: 50 }],
          network_configuration: [{ subnets: "${var.shop_mi_subnets}", security_groups: "${var.shop_mi_security_groups}" }],
          instance_requirements: [{ vcpu_count: [{ min: 2, max: 8 }], memory_mib: [{ min: 4096 }] }],
        }],
      }],
    });
    expect(hcl.variable!.shop_mi_subnets[0].default).toEqual(["subnet-a", "subnet-b"]);
    // The Managed Instances provider joins its cluster when created; PutClusterCapacityProviders refuses it.
    expect(hcl.resource!.aws_ecs_cluster_capacity_providers.shop[0]).toEqual({
      cluster_name: "${aws_ecs_cluster.shop.name}", capacity_providers: ["FARGATE", "${aws_ecs_capacity_provider.shop_asg.name}"],
      default_capacity_provider_strategy: [{ capacity_provider: "${aws_ecs_capacity_provider.shop_asg.name}", weight: 1, base: 1 }],
    });
    // infrastructure_optimization needs 6.23.0 (managed_instances_provider itself 6.15.0).
    expect(r.providerVersion).toBe("6.23.0");
    expect(r.unexpressed).toEqual([]);
    expect(terraformAddresses(scaledDesign()).filter((a) => a.kind === "capacityProvider").map((a) => a.address))
      .toEqual(["aws_ecs_capacity_provider.shop_asg", "aws_ecs_capacity_provider.shop_mi"]);
  });

  it("derives ALBRequestCountPerTarget's resource_label from the load balancer's and target group's arn_suffix", async () => {
    const hcl = await parsed(mainTf(scaledDesign()));
    const policy = hcl.resource!.aws_appautoscaling_policy.web_requests[0];
    const tt = (policy.target_tracking_scaling_policy_configuration as Json[])[0];
    expect((tt.predefined_metric_specification as Json[])[0]).toEqual({
      predefined_metric_type: "ALBRequestCountPerTarget", resource_label: "${aws_lb.web_alb.arn_suffix}/${aws_lb_target_group.web.arn_suffix}",
    });
  });

  it("writes scheduled tasks as aws_scheduler_schedule in their groups: the design's own (tagged), one of their own, and default", async () => {
    const r = exportTerraform(scaledDesign(), { singleFile: true, designId: "cm0shop" });
    const hcl = await parsed(r.files[0].text);
    expect(hcl.resource!.aws_scheduler_schedule_group).toEqual({
      stevedore_cm0shop: [{ name: "stevedore-cm0shop", tags: { "stevedore:design": "cm0shop" } }],
      maintenance: [{ name: "maintenance", tags: { "stevedore:design": "cm0shop" } }],
    });
    const s = hcl.resource!.aws_scheduler_schedule;
    expect(s.nightly_report[0]).toEqual({
      name: "nightly-report", group_name: "${aws_scheduler_schedule_group.stevedore_cm0shop.name}", description: "Orders of the day",
      schedule_expression: "cron(0 3 * * ? *)", schedule_expression_timezone: "Europe/Berlin",
      flexible_time_window: [{ mode: "OFF" }],
      target: [{
        arn: "${aws_ecs_cluster.shop.arn}", role_arn: "${var.nightly_report_role_arn}",
        // The overrides as the input's JSON (jsonencode), its `${` kept literal.
        input: expect.stringMatching(/^\$\{jsonencode\(\{\n\s+"containerOverrides" = \[[\s\S]*"command" = \["report", "--day", "\$\$\{yesterday\}"\][\s\S]*"value" = "full"[\s\S]*\}\)\}$/),
        ecs_parameters: [{
          task_definition_arn: "${aws_ecs_task_definition.web.arn}", task_count: 2, launch_type: "FARGATE", platform_version: "LATEST",
          enable_execute_command: true, propagate_tags: "TASK_DEFINITION",
          network_configuration: [{ subnets: "${var.nightly_report_subnets}", security_groups: "${var.nightly_report_security_groups}", assign_public_ip: false }],
        }],
        retry_policy: [{ maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 3 }],
      }],
    });
    expect(hcl.variable!.nightly_report_role_arn[0].default).toBe("arn:aws:iam::111122223333:role/scheduler");
    expect(s.cleanup[0]).toMatchObject({
      group_name: "${aws_scheduler_schedule_group.maintenance.name}", state: "DISABLED", start_date: "2026-12-01T00:00:00Z", end_date: "2027-06-01T00:00:00Z",
      flexible_time_window: [{ mode: "FLEXIBLE", maximum_window_in_minutes: 30 }],
    });
    // A task definition named with its revision is not the export's (whose ARN is its latest): written as the design has it.
    expect(s.launch_day[0]).toMatchObject({ group_name: "default", action_after_completion: "DELETE", target: [{ ecs_parameters: [{ task_definition_arn: "web:1" }] }] });
    expect(terraformAddresses(scaledDesign(), "cm0shop").filter((a) => a.kind.startsWith("schedule")).map((a) => `${a.name} ${a.address}`)).toEqual([
      "stevedore-cm0shop aws_scheduler_schedule_group.stevedore_cm0shop", "maintenance aws_scheduler_schedule_group.maintenance",
      "stevedore-cm0shop/nightly-report aws_scheduler_schedule.nightly_report", "maintenance/cleanup aws_scheduler_schedule.cleanup", "default/launch-day aws_scheduler_schedule.launch_day",
    ]);
  });

  it("says plainly that a design without resources deploys nothing", () => {
    const empty: Design = { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], layout: {} };
    expect(mainTf(empty)).toContain("# The design has no resources an export manages");
    expect(mainTf(empty)).toContain("this export deploys nothing. `terraform apply` would create nothing.");
    expect(mainTf(scaledDesign())).not.toContain("deploys nothing");
  });
});
