"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { deleteEnvironmentAction, testConnectionAction } from "@/lib/actions/environments";
import type { ConnectionTest, EnvironmentView } from "@/lib/actions/environment-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectionResult } from "./connection-result";
import { EnvironmentGrants, type PersonOption } from "./environment-grants";
import { ImportClusterButton } from "./import-cluster-button";
import type { GrantView } from "@/lib/actions/approval-types";
import { IfRole } from "@/components/auth/person-context";

type Props = { env: EnvironmentView; onEdit: () => void; onChanged: () => void; grants?: GrantView[]; people?: PersonOption[] };

function describe(env: EnvironmentView): string {
  if (env.kind === "sandbox") return `Built-in sandbox · ${env.region}`;
  const how = [env.profile ? `profile ${env.profile}` : "default credential chain", env.roleArn ? `assumes ${env.roleArn}` : undefined, env.hasExternalId ? "external id set" : undefined];
  return [`AWS · ${env.region}`, ...how.filter(Boolean), env.endpoint ? `endpoint ${env.endpoint}` : undefined].filter(Boolean).join(" · ");
}

export function EnvironmentRow({ env, onEdit, onChanged, grants, people }: Props) {
  const [test, setTest] = useState<ConnectionTest>();
  const [error, setError] = useState<string>();
  const [testing, startTest] = useTransition();
  const [deleting, startDelete] = useTransition();

  const runTest = () => startTest(async () => {
    setError(undefined);
    const r = await testConnectionAction({ id: env.id }).catch(() => undefined);
    if (r?.ok) setTest(r.data); else setError(r?.message ?? "The request failed. Try again.");
  });
  const remove = () => {
    if (!window.confirm(`Delete environment “${env.name}”? Applies made to it stay on record.`)) return;
    startDelete(async () => {
      const r = await deleteEnvironmentAction({ id: env.id }).catch(() => undefined);
      if (r?.ok) onChanged(); else setError(r?.message ?? "The request failed. Try again.");
    });
  };

  return (
    <li className="space-y-3 px-4 py-3" data-testid="environment" aria-label={env.name}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-semibold text-slate-900">
            <Link className="hover:text-brand-700 hover:underline" href={`/environments/${env.id}`} aria-label={`${env.name}: settings, applies and history`}>{env.name}</Link>
            {env.readOnly && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">read-only</span>}
            {env.protected && (
              <span className="ml-2 rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-900" data-testid="protected-badge">
                protected · {env.requiredApprovals} approval{env.requiredApprovals === 1 ? "" : "s"} · {env.approvalExpiryMinutes} min
              </span>
            )}
            {env.builtIn && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">built-in</span>}
          </p>
          <p className="truncate text-sm text-slate-600">{describe(env)}</p>
        </div>
        <IfRole role="admin">
          <Button size="sm" onClick={runTest} disabled={testing} aria-label={`Test connection of ${env.name}`}>{testing ? "Testing…" : "Test connection"}</Button>
        </IfRole>
        <IfRole role="editor"><ImportClusterButton env={env} /></IfRole>
        <IfRole role="admin">
          <Button size="sm" onClick={onEdit} aria-label={`Edit ${env.name}`}>Edit</Button>
          {!env.builtIn && (
            <Button size="sm" variant="danger-ghost" onClick={remove} disabled={deleting} aria-label={`Delete ${env.name}`}>{deleting ? "Deleting…" : "Delete"}</Button>
          )}
        </IfRole>
      </div>
      {grants && people && <EnvironmentGrants env={env} grants={grants} people={people} onChanged={onChanged} />}
      {test && <ConnectionResult result={test} />}
      {error && <Alert tone="error">{error}</Alert>}
    </li>
  );
}
