"use client";

import { useId, useState, type ReactNode } from "react";
import { runTaskAction } from "@/lib/actions/monitor";
import type { ActionIssue } from "@/lib/actions/result";
import { RUN_STAGES, parseEnvAssignment, runStage, type RunTaskChoices, type TaskRunView } from "@/lib/domain/monitor";
import { useRunTaskChoices, useTaskRun } from "@/lib/query/monitor";
import { NetworkDatalist, NetworkSourceProvider } from "@/components/designer/network-source";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { LogLines, NoLogs } from "./log-view";

// "Run task" from a service's monitor page: a one-off task (RunTask) from a task definition of
// the environment or of a design, with a container's command and environment overridden and the
// service's network offered; then the dialog waits on it through the server (DescribeTasks
// every 2 s) and shows each container's exit code, the stop reason and the task's own lines.

type Props = { envId: string; cluster: string; service: string; disabled?: boolean; reason?: string };

export function RunTaskButton({ envId, cluster, service, disabled, reason }: Props) {
  const [open, setOpen] = useState(false);
  // A new dialog body per opening: the form starts from the service's defaults each time.
  const [opened, setOpened] = useState(0);
  return (
    <>
      <Button onClick={() => { setOpened((n) => n + 1); setOpen(true); }} disabled={disabled} title={reason} data-testid="run-task-open">Run task</Button>
      <Dialog open={open} onClose={() => setOpen(false)} wide title={`Run a task in ${cluster}`}
        description={<>A one-off task (RunTask), started by <code>stevedore</code> and tagged with your name. It does not count toward {service}&apos;s desired count.</>}>
        <NetworkSourceProvider initial={envId}>
          <RunTaskBody key={opened} envId={envId} cluster={cluster} service={service} onClose={() => setOpen(false)} />
        </NetworkSourceProvider>
      </Dialog>
    </>
  );
}

type Source = "registered" | "design";

function RunTaskBody({ envId, cluster, service, onClose }: { envId: string; cluster: string; service: string; onClose: () => void }) {
  const [picked, setPicked] = useState<string>();
  const choices = useRunTaskChoices(envId, cluster, { service, taskDefinition: picked });
  const [started, setStarted] = useState<{ task: TaskRunView; taskDefinition: string }>();
  if (started) return <RunWait envId={envId} cluster={cluster} started={started} onAgain={() => setStarted(undefined)} onClose={onClose} />;
  if (choices.isPending) return <p className="text-sm text-slate-600" data-testid="run-task-loading">Reading the task definitions and {service}&apos;s network…</p>;
  if (choices.error && !choices.data) {
    return (
      <>
        <Alert tone="error" title="Could not read the task definitions">{choices.error.message}</Alert>
        <DialogActions><Button onClick={onClose}>Close</Button></DialogActions>
      </>
    );
  }
  return <RunTaskForm key={choices.data.defaults?.taskDefinition ?? ""} choices={choices.data} envId={envId} cluster={cluster} onPick={setPicked} onStarted={setStarted} onClose={onClose} />;
}

const short = (arn?: string) => arn?.slice(arn.lastIndexOf("/") + 1) ?? "";

/** A command as typed: a JSON array is ECS's argv as it is; anything else runs in `sh -c`. */
function commandOf(text: string): string[] | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (t.startsWith("[")) {
    try {
      const v = JSON.parse(t);
      if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
    } catch {
      // not JSON: a shell line
    }
  }
  return ["sh", "-c", t];
}

const splitIds = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

function RunTaskForm({ choices, envId, cluster, onPick, onStarted, onClose }: {
  choices: RunTaskChoices; envId: string; cluster: string; onPick: (td: string | undefined) => void;
  onStarted: (s: { task: TaskRunView; taskDefinition: string }) => void; onClose: () => void;
}) {
  const d = choices.defaults;
  const ids = { td: useId(), tds: useId(), container: useId(), command: useId(), env: useId(), subnets: useId(), sgs: useId(), launch: useId(), design: useId(), designTd: useId() };
  const [source, setSource] = useState<Source>("registered");
  const [taskDefinition, setTaskDefinition] = useState(short(d?.taskDefinition));
  const [designId, setDesignId] = useState(choices.designs[0]?.id ?? "");
  const [designTd, setDesignTd] = useState(choices.designs[0]?.taskDefinitions[0]?.family ?? "");
  const [launch, setLaunch] = useState(d?.capacityProviderStrategy ? "strategy" : d?.launchType ?? "FARGATE");
  const [container, setContainer] = useState(choices.containers.find((c) => c.essential)?.name ?? choices.containers[0]?.name ?? "");
  const [command, setCommand] = useState("");
  const [environment, setEnvironment] = useState("");
  const [subnets, setSubnets] = useState(d?.network?.subnets.join(", ") ?? "");
  const [securityGroups, setSecurityGroups] = useState(d?.network?.securityGroups.join(", ") ?? "");
  const [publicIp, setPublicIp] = useState(d?.network?.assignPublicIp ?? "DISABLED");
  const [exec, setExec] = useState(Boolean(d?.enableExecuteCommand));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; issues?: ActionIssue[] }>();
  const [failures, setFailures] = useState<string[]>([]);
  const awsvpc = source === "design" || !choices.networkMode || choices.networkMode === "awsvpc";
  const design = choices.designs.find((x) => x.id === designId);

  const submit = async () => {
    setError(undefined);
    setFailures([]);
    const envLines = environment.split("\n").map((l) => l.trim()).filter(Boolean);
    const vars = envLines.map(parseEnvAssignment);
    const bad = envLines.find((_, i) => !vars[i]);
    if (bad) return setError({ message: `Environment: "${bad}" is not NAME=value` });
    const cmd = commandOf(command);
    const overrides = container && (cmd || vars.length) ? [{ name: container, ...(cmd ? { command: cmd } : {}), ...(vars.length ? { environment: vars.map((v) => v!) } : {}) }] : [];
    setPending(true);
    const r = await runTaskAction({
      envId, cluster,
      source: source === "registered" ? { kind: "registered", taskDefinition: taskDefinition.trim() } : { kind: "design", designId, taskDefinition: designTd },
      options: {
        ...(launch === "strategy" ? { capacityProviderStrategy: d?.capacityProviderStrategy } : { launchType: launch as "FARGATE" }),
        containerOverrides: overrides, enableExecuteCommand: exec,
        ...(awsvpc && splitIds(subnets).length ? { network: { subnets: splitIds(subnets), securityGroups: splitIds(securityGroups), assignPublicIp: publicIp as "DISABLED" } } : {}),
      },
    });
    setPending(false);
    if (!r.ok) return setError({ message: r.message, issues: r.issues });
    if (r.data.task) onStarted({ task: r.data.task, taskDefinition: r.data.taskDefinition });
    else setFailures(r.data.failures.length ? r.data.failures : ["ECS started no task and gave no reason"]);
  };

  const input = "mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900";
  return (
    <form className="space-y-4" data-testid="run-task-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Task definition</legend>
        <div className="flex gap-4 text-sm text-slate-800">
          <label className="flex items-center gap-1.5"><input type="radio" name="source" checked={source === "registered"} onChange={() => setSource("registered")} /> Registered in the environment</label>
          <label className="flex items-center gap-1.5"><input type="radio" name="source" checked={source === "design"} disabled={choices.designs.length === 0} onChange={() => setSource("design")} /> From a design{choices.designs.length === 0 && " (none has a task definition)"}</label>
        </div>
        {source === "registered" ? (
          <Labelled id={ids.td} label="Family, family:revision or ARN" hint={choices.revisions.length ? `Revisions of this family: ${choices.revisions.map(short).slice(0, 5).join(", ")}` : undefined}>
            <input id={ids.td} className={`${input} font-mono`} list={ids.tds} value={taskDefinition} required data-testid="run-task-definition"
              onChange={(e) => setTaskDefinition(e.target.value)}
              onBlur={() => { if (choices.families.includes(taskDefinition.split(":")[0]) && /^[\w-]+(:\d+)?$/.test(taskDefinition)) onPick(taskDefinition); }} />
            <datalist id={ids.tds}>
              {choices.revisions.map((r) => <option key={r} value={short(r)} />)}
              {choices.families.map((f) => <option key={f} value={f} label="latest ACTIVE revision" />)}
            </datalist>
          </Labelled>
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <Labelled id={ids.design} label="Design">
              <select id={ids.design} className={input} value={designId} onChange={(e) => { setDesignId(e.target.value); setDesignTd(choices.designs.find((x) => x.id === e.target.value)?.taskDefinitions[0]?.family ?? ""); }}>
                {choices.designs.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </select>
            </Labelled>
            <Labelled id={ids.designTd} label="Its task definition" hint="Registered first, as apply does (the latest revision when it is the same)">
              <select id={ids.designTd} className={input} value={designTd} onChange={(e) => setDesignTd(e.target.value)}>
                {design?.taskDefinitions.map((t) => <option key={t.id} value={t.family}>{t.family}</option>)}
              </select>
            </Labelled>
          </div>
        )}
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <Labelled id={ids.launch} label="Launch">
          <select id={ids.launch} className={input} value={launch} onChange={(e) => setLaunch(e.target.value)} data-testid="run-task-launch">
            {d?.capacityProviderStrategy && <option value="strategy">Capacity providers: {d.capacityProviderStrategy.map((c) => c.capacityProvider).join(", ")} (the service&apos;s)</option>}
            <option value="FARGATE">FARGATE</option>
            <option value="EC2">EC2</option>
            <option value="MANAGED_INSTANCES">MANAGED_INSTANCES</option>
            <option value="EXTERNAL">EXTERNAL</option>
          </select>
        </Labelled>
        <Labelled id={ids.container} label="Container to override">
          <select id={ids.container} className={input} value={container} onChange={(e) => setContainer(e.target.value)} data-testid="run-task-container">
            {choices.containers.length === 0 && <option value="">(type its name in the task definition first)</option>}
            {choices.containers.map((c) => <option key={c.name} value={c.name}>{c.name}{c.essential ? " (essential)" : ""}</option>)}
          </select>
        </Labelled>
      </div>
      <Labelled id={ids.command} label="Command" hint={<>Runs in <code>sh -c</code>; a JSON array (<code>[&quot;python&quot;, &quot;manage.py&quot;, &quot;migrate&quot;]</code>) is passed as it is. Empty: the definition&apos;s own{choices.containers.find((c) => c.name === container)?.command ? ` (${JSON.stringify(choices.containers.find((c) => c.name === container)?.command)})` : ""}.</>}>
        <input id={ids.command} className={`${input} font-mono`} value={command} onChange={(e) => setCommand(e.target.value)} placeholder="./migrate.sh --to latest" data-testid="run-task-command" />
      </Labelled>
      <Labelled id={ids.env} label="Environment variables" hint="One NAME=value a line, added to the container's or replacing them">
        <textarea id={ids.env} rows={2} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900" value={environment} onChange={(e) => setEnvironment(e.target.value)} data-testid="run-task-env" />
      </Labelled>
      {awsvpc && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Network (awsvpc){d?.network && <span className="font-normal text-slate-600"> · the service&apos;s, to change if you like</span>}</legend>
          <div className="grid grid-cols-2 gap-3">
            <Labelled id={ids.subnets} label="Subnets">
              <input id={ids.subnets} list={`${ids.subnets}-list`} className={`${input} font-mono`} value={subnets} onChange={(e) => setSubnets(e.target.value)} placeholder="subnet-…, subnet-…" data-testid="run-task-subnets" />
              <NetworkDatalist id={`${ids.subnets}-list`} kind="subnet" />
            </Labelled>
            <Labelled id={ids.sgs} label="Security groups">
              <input id={ids.sgs} list={`${ids.sgs}-list`} className={`${input} font-mono`} value={securityGroups} onChange={(e) => setSecurityGroups(e.target.value)} placeholder="sg-…" />
              <NetworkDatalist id={`${ids.sgs}-list`} kind="securityGroup" />
            </Labelled>
          </div>
          <label className="flex items-center gap-1.5 text-sm text-slate-800"><input type="checkbox" checked={publicIp === "ENABLED"} onChange={(e) => setPublicIp(e.target.checked ? "ENABLED" : "DISABLED")} /> Assign a public IP (a public subnet without a NAT gateway needs one to pull images)</label>
        </fieldset>
      )}
      <label className="flex items-center gap-1.5 text-sm text-slate-800"><input type="checkbox" checked={exec} onChange={(e) => setExec(e.target.checked)} data-testid="run-task-exec" /> Enable ECS Exec (enableExecuteCommand)</label>
      {error && (
        <Alert tone="error" title="The task was not started">
          <p data-testid="run-task-error">{error.message}</p>
          {error.issues && error.issues.length > 0 && <ul className="mt-1 list-disc pl-5">{error.issues.map((i) => <li key={`${i.path}-${i.message}`}><code>{i.path}</code>: {i.message}</li>)}</ul>}
        </Alert>
      )}
      {failures.length > 0 && (
        <Alert tone="error" title="ECS could not start the task">
          <ul className="list-disc pl-5" data-testid="run-task-failures">{failures.map((f) => <li key={f}>{f}</li>)}</ul>
        </Alert>
      )}
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending} data-testid="run-task-submit">{pending ? "Starting…" : "Run task"}</Button>
      </DialogActions>
    </form>
  );
}

function Labelled({ id, label, hint, children }: { id: string; label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      {children}
      {hint && <p className="mt-0.5 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}

/** The wait: the stages it has passed, then each container's exit code, the stop reason and the task's lines. */
function RunWait({ envId, cluster, started, onAgain, onClose }: { envId: string; cluster: string; started: { task: TaskRunView; taskDefinition: string }; onAgain: () => void; onClose: () => void }) {
  const q = useTaskRun(envId, cluster, started.task.taskId);
  const task = q.data?.task ?? started.task;
  const stage = runStage(task.lastStatus);
  const at = RUN_STAGES.indexOf(stage);
  const stopped = stage === "STOPPED";
  const essential = new Set(q.data?.essential ?? []);
  const lines = q.data?.logs?.lines ?? [];
  const silent = (q.data?.logs?.sources ?? []).filter((s) => s.reason);
  return (
    <div className="space-y-4" data-testid="run-task-wait" data-status={task.lastStatus}>
      <p className="text-sm text-slate-700">
        Task <code className="font-mono" title={task.taskArn}>{task.taskId.slice(0, 12)}</code> of <code className="font-mono">{short(task.taskDefinitionArn) || started.taskDefinition}</code>
      </p>
      <ol className="flex items-center gap-2 text-xs font-medium" aria-label="Task status">
        {RUN_STAGES.map((s, i) => (
          <li key={s} className="flex items-center gap-2" aria-current={i === at ? "step" : undefined}>
            <span className={`rounded-full px-2.5 py-1 ${i < at ? "bg-emerald-50 text-emerald-800" : i === at ? (stopped ? "bg-slate-100 text-slate-900" : "bg-sky-50 text-sky-900 ring-1 ring-sky-300") : "bg-slate-50 text-slate-500"}`} data-testid={`run-stage-${s}`}>
              {i < at ? "✓ " : ""}{s}
            </span>
            {i < RUN_STAGES.length - 1 && <span aria-hidden className="text-slate-400">→</span>}
          </li>
        ))}
      </ol>
      {!stopped && <p className="text-sm text-slate-600" role="status">Waiting for ECS ({task.lastStatus.toLowerCase()})…</p>}
      {q.error && <Alert tone="error" title="Could not read the task">{q.error.message}</Alert>}
      {stopped && (
        <div className="space-y-2" data-testid="run-task-result">
          {task.stoppedReason && <p className="text-sm text-slate-800"><span className="font-medium">Stopped:</span> {task.stoppedReason}{task.stopCode && <span className="text-slate-600"> ({task.stopCode})</span>}</p>}
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600"><tr><th className="py-1 pr-3">Container</th><th className="pr-3">Exit code</th><th>Reason</th></tr></thead>
            <tbody>
              {task.containers.map((c) => (
                <tr key={c.name} className="border-b border-slate-100 last:border-0" data-testid="run-task-container-result">
                  <td className="py-1 pr-3 font-medium">{c.name}{essential.has(c.name) && <span className="font-normal text-slate-600"> (essential)</span>}</td>
                  <td className={`py-1 pr-3 tabular-nums ${c.exitCode === 0 ? "text-emerald-700" : "font-semibold text-red-700"}`} data-testid="run-task-exit-code">{c.exitCode ?? "—"}</td>
                  <td className="py-1 text-xs text-slate-700">{c.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="space-y-1">
        <h3 className="text-sm font-medium text-slate-800">Logs</h3>
        {silent.length > 0 && <NoLogs sources={silent} />}
        {q.data?.logs?.error && <Alert tone="error" title="CloudWatch Logs answered with an error">{q.data.logs.error}</Alert>}
        {lines.length > 0 ? <LogLines lines={lines} className="max-h-64" /> : stopped && q.data?.logs ? (
          // Polling ends at STOPPED; the awslogs driver ships a container's last lines within seconds, so offer to look again.
          <div className="flex flex-wrap items-center gap-3" data-testid="run-task-no-lines">
            <p className="text-sm text-slate-600">The task&apos;s containers wrote no lines to CloudWatch Logs{silent.length ? " that Stevedore can read" : ""}.</p>
            <Button onClick={() => q.refetch()} disabled={q.isFetching}>{q.isFetching ? "Reading…" : "Read the logs again"}</Button>
          </div>
        ) : (
          <p className="text-sm text-slate-600" data-testid="run-task-no-lines">{stage === "PROVISIONING" || stage === "PENDING" ? "No lines before the containers start." : "No lines yet."}</p>
        )}
      </div>
      <DialogActions>
        <Button onClick={onAgain} disabled={!stopped}>Run another</Button>
        <Button variant="primary" onClick={onClose}>Close</Button>
      </DialogActions>
    </div>
  );
}
