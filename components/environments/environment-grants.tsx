"use client";

import { useState, useTransition, type FormEvent } from "react";
import { addGrantAction, removeGrantAction } from "@/lib/actions/approvals";
import type { GrantView } from "@/lib/actions/approval-types";
import type { EnvironmentView } from "@/lib/actions/environment-types";
import { ENVIRONMENT_ROLES, ENVIRONMENT_ROLE_SUMMARIES, type EnvironmentRole } from "@/lib/domain/access";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type PersonOption = { id: string; label: string };
type Props = { env: EnvironmentView; grants: GrantView[]; people: PersonOption[]; onChanged: () => void };

const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** An admin's list of who may plan, apply or approve on one environment, with add and remove. */
export function EnvironmentGrants({ env, grants, people, onChanged }: Props) {
  const [kind, setKind] = useState<"person" | "group">("person");
  const [personId, setPersonId] = useState("");
  const [group, setGroup] = useState("");
  const [role, setRole] = useState<EnvironmentRole>("deployer");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; message?: string }>) => startTransition(async () => {
    setError(undefined);
    const r = await work().catch(() => undefined);
    if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
    onChanged();
  });
  const add = (e: FormEvent) => {
    e.preventDefault();
    run(() => addGrantAction(kind === "person" ? { environmentId: env.id, subjectKind: "person", subject: personId, role } : { environmentId: env.id, subjectKind: "group", subject: group, role }));
  };

  return (
    <section aria-label={`Grants on ${env.name}`} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <h3 className="font-medium text-slate-900">Who may plan, apply and approve</h3>
      <p className="text-slate-600">
        {env.kind === "sandbox" ? "Every editor plans and applies here; approving needs a grant." : "Nobody but the people and groups below, admins included."}
      </p>
      {grants.length > 0 && (
        <ul className="mt-2 space-y-1" aria-label={`Grants of ${env.name}`}>
          {grants.map((g) => (
            <li key={g.id} className="flex items-center gap-2" data-testid="grant">
              <span className="rounded bg-white px-1.5 py-0.5 font-medium text-slate-800 ring-1 ring-slate-200">{g.role}</span>
              <span className="text-slate-800">{g.label}</span>
              <Button size="sm" variant="danger-ghost" disabled={pending} onClick={() => run(() => removeGrantAction({ id: g.id }))} aria-label={`Remove ${g.role} of ${g.label}`}>Remove</Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="mt-2 flex flex-wrap items-center gap-2" aria-label={`Add a grant on ${env.name}`}>
        <select className={select} value={kind} onChange={(e) => setKind(e.target.value as "person" | "group")} aria-label="Grant to">
          <option value="person">a person</option>
          <option value="group">a group</option>
        </select>
        {kind === "person" ? (
          <select className={select} value={personId} onChange={(e) => setPersonId(e.target.value)} aria-label="Person">
            <option value="">Choose…</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        ) : (
          <input className={select} value={group} onChange={(e) => setGroup(e.target.value)} placeholder="group name" aria-label="Group" />
        )}
        <select className={select} value={role} onChange={(e) => setRole(e.target.value as EnvironmentRole)} aria-label="Role on this environment">
          {ENVIRONMENT_ROLES.map((r) => <option key={r} value={r} title={ENVIRONMENT_ROLE_SUMMARIES[r]}>{r}</option>)}
        </select>
        <Button type="submit" size="sm" disabled={pending || (kind === "person" ? !personId : !group.trim())}>Add grant</Button>
      </form>
      {error && <div className="mt-2"><Alert tone="error">{error}</Alert></div>}
    </section>
  );
}
