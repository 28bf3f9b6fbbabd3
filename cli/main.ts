import { Command, CommanderError, Option } from "commander";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { convertFiles, CONVERT_TARGETS, IGNORABLE, SOURCE_FORMATS, TEMPLATE_FORMATS, type ConvertOptions } from "./convert";
import { exitCodeOf, lintFile, type LintOptions } from "./lint";
import { located, noteLines, shownNotes, renderHuman } from "./render";
import { parseComposeTarget, withComposeTargetOptions, type ComposeTargetFlags } from "./compose-target";
import { runPlan } from "./plan";
import { runApply } from "./apply";
import { runCost } from "./cost";
import { runRunTask } from "./run-task";

// Exit codes: 0 fine, 1 problems found (lint), 2 unreadable or malformed input, or bad usage.
// plan and apply document their own in cli/plan.ts and cli/apply.ts.

/** --endpoint/--profile/--region/--design-id/--json, shared by plan and apply. */
function withTargetOptions(c: Command): Command {
  return c
    .argument("<design>", "a Stevedore design JSON file")
    .option("--endpoint <url>", "ECS endpoint, e.g. the sandbox: http://localhost:3000/sandbox/ecs")
    .option("--profile <name>", "named AWS profile (shared config/credentials files)")
    .option("--region <region>", "AWS Region, e.g. eu-west-1")
    .option("--design-id <id>", "owner tag value (stevedore:design); defaults to the file name")
    .option("--json", "machine-readable output");
}

function program(): Command {
  const p = new Command("stevedore")
    .description("Check and convert Amazon ECS task definitions, services, Docker Compose files and Stevedore designs")
    .exitOverride()
    .showHelpAfterError();

  withComposeTargetOptions(p.command("lint")
    .description("validate files (task definition or service JSON, compose files, designs; the format is detected)")
    .argument("<files...>", "files to check (- reads standard input)")
    .option("--json", "machine-readable output: one entry per file with file, format, findings and notes")
    .option("--strict", "fail on warnings too")
    .option("-v, --verbose", "also show info findings and notes"))
    .action(async (files: string[], opts: LintOptions & ComposeTargetFlags) => {
      const target = parseComposeTarget(opts);
      if (!target.ok) return usageError(target.message);
      const reports = [];
      for (const f of files) reports.push(await lintFile(f, target.target));
      for (const r of reports) {
        for (const i of r.issues ?? []) process.stderr.write(`stevedore: ${r.file}: ${located(i.path, i.message)}\n`);
      }
      // Import notes (what was not converted) go to standard error, beside the report or the JSON.
      for (const r of reports) process.stderr.write(noteLines(r.file, opts.json ? r.notes : shownNotes(r.notes, opts.verbose)));
      if (opts.json) process.stdout.write(JSON.stringify(reports, null, 2) + "\n");
      else process.stdout.write(renderHuman(reports, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, verbose: opts.verbose }));
      process.exitCode = exitCodeOf(reports, opts.strict);
    });

  withComposeTargetOptions(p.command("convert")
    .description("convert a file to a Stevedore design, ECS API input JSON, Terraform, a CloudFormation template or a CDK app, written to standard output (or --out DIR; a CDK app always to --out DIR); what was not converted goes to standard error")
    .argument("<file...>", "file to convert (- reads standard input); Terraform: the .tf files (and a .tfvars) that make one configuration")
    .addOption(new Option("--to <kind>", "what to produce").choices([...CONVERT_TARGETS]).makeOptionMandatory())
    .addOption(new Option("--from <format>", "the input's format, when the file names and content do not tell").choices([...SOURCE_FORMATS]))
    .option("--family <name>", "the task definition to export, when the input has several")
    .option("--service <name>", "the service to export, when the input has several")
    .addOption(new Option("--format <syntax>", "CloudFormation template syntax").choices([...TEMPLATE_FORMATS]).default("yaml"))
    .addOption(new Option("--ignore-changes <fields...>", "Terraform: leave these to CI or the scaler (lifecycle ignore_changes)").choices([...IGNORABLE]))
    .option("--import <address=id...>", "Terraform: resources that already exist, e.g. aws_ecs_service.web=main/web (an import block each)")
    .option("--import-existing", "Terraform: read the account (--endpoint or --profile, and --region) and write an import block for each exported resource that already exists there")
    .option("--endpoint <url>", "with --import-existing: the ECS endpoint, e.g. the sandbox: http://localhost:3000/sandbox/ecs")
    .option("--profile <name>", "with --import-existing: a named AWS profile")
    .option("--region <region>", "with --import-existing: the account's Region")
    .option("--name <name>", "CDK: the app's name, for its stack class and files (default: the input file's name)")
    .option("--design-id <id>", "Terraform, CloudFormation and CDK: the design's id in Stevedore, which names the schedule group of its scheduled tasks (stevedore-<id>) as Stevedore's apply does (default: design)")
    .option("--out <dir>", "Terraform, CloudFormation and CDK: write the files into DIR (Terraform as versions.tf, variables.tf and main.tf; CDK as bin/app.ts, lib/<name>-stack.ts, package.json, cdk.json, tsconfig.json)"))
    .action(async (paths: string[], opts: ConvertOptions & ComposeTargetFlags & { out?: string }) => {
      const file = paths.join(", ");
      const target = parseComposeTarget(opts);
      if (!target.ok) return usageError(target.message);
      if (opts.out !== undefined && opts.to !== "terraform" && opts.to !== "cloudformation" && opts.to !== "cdk") return usageError("--out is for --to terraform, cloudformation or cdk");
      if (opts.to === "cdk" && opts.out === undefined) return usageError("--to cdk writes an app of several files: give the folder with --out DIR");
      if (opts.name !== undefined && opts.to !== "cdk") return usageError("--name is for --to cdk");
      if (opts.designId !== undefined && opts.to !== "terraform" && opts.to !== "cloudformation" && opts.to !== "cdk") return usageError("--design-id is for --to terraform, cloudformation or cdk");
      if ((opts.importExisting || opts.endpoint !== undefined || opts.profile !== undefined || opts.region !== undefined) && opts.to !== "terraform") return usageError("--import-existing, --endpoint, --profile and --region are for --to terraform");
      if (!opts.importExisting && (opts.endpoint !== undefined || opts.profile !== undefined || opts.region !== undefined)) return usageError("--endpoint, --profile and --region go with --import-existing");
      const r = await convertFiles(paths, { ...opts, split: opts.out !== undefined }, target.target);
      if (!r.ok) {
        process.stderr.write(`stevedore: ${r.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(noteLines(file, r.notes));
      if ("json" in r) process.stdout.write(JSON.stringify(r.json, null, 2) + "\n");
      else if (opts.out === undefined) process.stdout.write(r.files.map((f) => f.text).join("\n"));
      else {
        await mkdir(opts.out, { recursive: true });
        for (const f of r.files) {
          await mkdir(dirname(join(opts.out, f.path)), { recursive: true });
          await writeFile(join(opts.out, f.path), f.text);
          process.stderr.write(`stevedore: wrote ${join(opts.out, f.path)}\n`);
        }
      }
      process.exitCode = 0;
    });
  p.command("cost")
    .description("what a design costs per month at on-demand prices (per service, load balancers, EC2 instances), with its assumptions")
    .argument("<design>", "a Stevedore design JSON file (or anything lint reads; - reads standard input)")
    .option("--region <region>", "AWS Region whose prices to use (default us-east-1)")
    .option("--refresh-prices", "read the Region's prices from the AWS Price List API first (GetProducts; AWS credentials needed)")
    .option("--endpoint <url>", "with --refresh-prices: the Price List endpoint, e.g. the sandbox: http://localhost:3000/sandbox/aws")
    .option("--profile <name>", "with --refresh-prices: a named AWS profile")
    .option("--json", "machine-readable output")
    .action(async (file: string, opts: Record<string, unknown>) => {
      process.exitCode = await runCost(file, opts);
    });

  withTargetOptions(p.command("plan")
    .description("show what applying a design would change in an ECS account (nothing is changed)"))
    .option("--detailed-exitcode", "exit 0 without changes, 1 on error, 2 with changes (like terraform)")
    .action(async (file: string, opts: Record<string, unknown>) => {
      process.exitCode = await runPlan(file, opts);
    });

  withTargetOptions(p.command("apply")
    .description("plan, confirm, then create and update clusters, task definitions and services"))
    .option("-y, --yes", "apply without asking (required when standard input is not a terminal)")
    .option("--allow-errors", "apply although the validator found errors (ECS will likely refuse those calls partway)")
    .option("--wait", "wait until the changed services reach a steady state")
    .option("--wait-timeout <seconds>", "give up waiting after this many seconds (default 900)")
    .action(async (file: string, opts: Record<string, unknown>) => {
      process.exitCode = await runApply(file, opts);
    });
  p.command("run-task")
    .description("run a one-off task (RunTask) from a task definition of the account or of a design file, optionally waiting for its exit code")
    .argument("[design]", "a Stevedore design JSON file whose task definition to register (as apply does) and run")
    .option("--endpoint <url>", "ECS endpoint, e.g. the sandbox: http://localhost:3000/sandbox/ecs")
    .option("--profile <name>", "named AWS profile (shared config/credentials files)")
    .option("--region <region>", "AWS Region, e.g. eu-west-1")
    .option("--design-id <id>", "owner tag value (stevedore:design) of a design's task definition; defaults to the file name")
    .option("--cluster <name>", "the cluster to run in")
    .option("--task-definition <ref>", "family, family:revision or ARN (with a design: the family of one of its task definitions)")
    .option("--container <name>", "the container whose command and environment to override (default: the first essential one)")
    .option("--command <cmd>", "the container's command: a shell line (run in sh -c) or a JSON array")
    .option("--env <NAME=value>", "an environment variable for the container (repeat for more)", (v: string, prev: string[] = []) => [...prev, v])
    .option("--subnets <ids>", "awsvpc subnets, comma-separated")
    .option("--security-groups <ids>", "awsvpc security groups, comma-separated")
    .option("--assign-public-ip", "give the task's ENI a public IP")
    .option("--launch-type <type>", "FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES (default: the cluster's default capacity provider strategy)")
    .option("--capacity-provider <name>", "run on this capacity provider instead of a launch type")
    .option("--enable-execute-command", "enable ECS Exec in the task")
    .option("--wait", "wait until the task stops; the exit status is the essential container's exit code")
    .option("--wait-timeout <seconds>", "give up waiting after this many seconds (default 900)")
    .option("--json", "machine-readable output")
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      process.exitCode = await runRunTask(file, opts);
    });
  return p;
}

function usageError(message: string) {
  process.stderr.write(`stevedore: ${message}\n`);
  process.exitCode = 2;
}

async function main(argv: string[]) {
  try {
    await program().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
    else {
      process.stderr.write(`stevedore: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    }
  }
}

void main(process.argv);
