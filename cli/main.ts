import { Command, CommanderError, Option } from "commander";
import { convertFile, CONVERT_TARGETS, type ConvertOptions } from "./convert";
import { exitCodeOf, lintFile, type LintOptions } from "./lint";
import { renderHuman } from "./render";
import { parseComposeTarget, withComposeTargetOptions, type ComposeTargetFlags } from "./compose-target";

// Exit codes: 0 fine, 1 problems found (lint), 2 unreadable or malformed input, or bad usage.

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
        for (const i of r.issues ?? []) process.stderr.write(`stevedore: ${r.file}: ${i.path.startsWith("(") || i.message.includes(i.path) ? "" : `${i.path}: `}${i.message}\n`);
      }
      if (opts.json) process.stdout.write(JSON.stringify(reports, null, 2) + "\n");
      else process.stdout.write(renderHuman(reports, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, verbose: opts.verbose }));
      process.exitCode = exitCodeOf(reports, opts.strict);
    });

  withComposeTargetOptions(p.command("convert")
    .description("convert a file to a Stevedore design or to ECS API input JSON, written to standard output")
    .argument("<file>", "file to convert (- reads standard input)")
    .addOption(new Option("--to <kind>", "what to produce").choices([...CONVERT_TARGETS]).makeOptionMandatory())
    .option("--family <name>", "the task definition to export, when the input has several")
    .option("--service <name>", "the service to export, when the input has several"))
    .action(async (file: string, opts: ConvertOptions & ComposeTargetFlags) => {
      const target = parseComposeTarget(opts);
      if (!target.ok) return usageError(target.message);
      const r = await convertFile(file, opts, target.target);
      if (r.ok) {
        process.stdout.write(JSON.stringify(r.json, null, 2) + "\n");
        process.exitCode = 0;
      } else {
        process.stderr.write(`stevedore: ${r.message}\n`);
        process.exitCode = 2;
      }
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
