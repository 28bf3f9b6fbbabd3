"use client";

import { useState, useTransition, type FormEvent } from "react";
import { createEnvironmentAction, updateEnvironmentAction } from "@/lib/actions/environments";
import type { EnvironmentKind, EnvironmentView } from "@/lib/actions/environment-types";
import { Alert } from "@/components/ui/alert";
import { submitAction } from "@/components/ui/form-issues";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";

type Props = { environment?: EnvironmentView; onDone: (env: EnvironmentView) => void; onCancel: () => void };

/** Create or edit an environment. The external id is write-only: the form never shows it. */
export function EnvironmentForm({ environment: env, onDone, onCancel }: Props) {
  const [kind, setKind] = useState<EnvironmentKind>(env?.kind ?? "aws");
  const [values, setValues] = useState({
    name: env?.name ?? "", region: env?.region ?? "eu-west-1", profile: env?.profile ?? "", roleArn: env?.roleArn ?? "",
    externalId: "", endpoint: env?.endpoint ?? "",
  });
  const [readOnly, setReadOnly] = useState(env?.readOnly ?? false);
  const [isProtected, setProtected] = useState(env?.protected ?? false);
  const [approvals, setApprovals] = useState({ requiredApprovals: String(env?.requiredApprovals ?? 1), approvalExpiryMinutes: String(env?.approvalExpiryMinutes ?? 60) });
  const [clearExternalId, setClearExternalId] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, startTransition] = useTransition();
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const aws = kind === "aws";

  function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const common = {
      name: values.name, kind, region: values.region, readOnly, protected: isProtected,
      requiredApprovals: Number(approvals.requiredApprovals), approvalExpiryMinutes: Number(approvals.approvalExpiryMinutes),
    };
    const connection = aws ? { profile: values.profile, roleArn: values.roleArn, externalId: values.externalId, endpoint: values.endpoint } : {};
    startTransition(async () => {
      const r = await submitAction(() => env
        ? updateEnvironmentAction({ id: env.id, ...common, ...connection, clearExternalId })
        : createEnvironmentAction({ ...common, ...connection }), setErrors, setFailure);
      if (r) onDone(r.data);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" value={values.name} onChange={set("name")} error={errors.name} required autoFocus />
      <fieldset disabled={env?.builtIn}>
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <div className="mt-1 flex gap-4 text-sm text-slate-800">
          <label className="flex items-center gap-1.5"><input type="radio" name="kind" checked={aws} onChange={() => setKind("aws")} /> AWS account</label>
          <label className="flex items-center gap-1.5"><input type="radio" name="kind" checked={!aws} onChange={() => setKind("sandbox")} /> Built-in sandbox</label>
        </div>
      </fieldset>
      <TextField label="Region" value={values.region} onChange={set("region")} error={errors.region} hint={aws ? undefined : "Each Region is a separate sandbox world."} />
      {aws && (
        <>
          <p className="text-sm text-slate-600">
            Credentials come from the server&apos;s default AWS chain (environment variables, SSO, shared config files, instance role). Stevedore stores no keys.
          </p>
          <TextField label="Named profile (optional)" value={values.profile} onChange={set("profile")} error={errors.profile} placeholder="default chain" />
          <TextField label="Role to assume (optional)" value={values.roleArn} onChange={set("roleArn")} error={errors.roleArn} placeholder="arn:aws:iam::123456789012:role/deploy" />
          <TextField
            label="External id (optional)" type="password" autoComplete="off" value={values.externalId} onChange={set("externalId")} error={errors.externalId}
            hint={env?.hasExternalId ? "One is stored (encrypted). Leave empty to keep it." : "Stored encrypted; never shown again."}
          />
          {env?.hasExternalId && (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" checked={clearExternalId} onChange={(e) => setClearExternalId(e.target.checked)} /> Remove the stored external id
            </label>
          )}
          <TextField label="ECS endpoint (optional)" value={values.endpoint} onChange={set("endpoint")} error={errors.endpoint} placeholder="https://ecs.eu-west-1.amazonaws.com" hint="Any implementation of the ECS API; empty for AWS itself." />
        </>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> Read-only (plans only; applies are refused)
      </label>
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Approvals</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={isProtected} onChange={(e) => setProtected(e.target.checked)} /> Protected (an apply needs approvals of its exact plan from approvers other than the person who asks)
        </label>
        {isProtected && (
          <div className="flex flex-wrap gap-3">
            <TextField label="Approvals needed" type="number" min={1} max={10} value={approvals.requiredApprovals} error={errors.requiredApprovals}
              onChange={(e) => setApprovals((a) => ({ ...a, requiredApprovals: e.target.value }))} />
            <TextField label="An approval counts for (minutes)" type="number" min={5} max={10080} value={approvals.approvalExpiryMinutes} error={errors.approvalExpiryMinutes}
              onChange={(e) => setApprovals((a) => ({ ...a, approvalExpiryMinutes: e.target.value }))} />
          </div>
        )}
      </fieldset>
      {failure && <Alert tone="error">{failure}</Alert>}
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : env ? "Save" : "Create environment"}</Button>
      </DialogActions>
    </form>
  );
}
