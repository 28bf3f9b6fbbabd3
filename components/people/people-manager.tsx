"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeRoleAction, removePersonAction, revokeInviteAction } from "@/lib/actions/people";
import { setGroupsAction } from "@/lib/actions/approvals";
import type { InviteView, PersonView } from "@/lib/actions/people-types";
import { ROLES, type Role } from "@/lib/domain/access";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { UNREACHABLE } from "@/components/ui/form-issues";
import { relativeTime } from "@/components/ui/relative-time";
import { InviteForm } from "./invite-form";
import { GroupsEditor } from "./groups-editor";

type Props = { people: PersonView[]; invites: InviteView[]; meId: string };

/** The /people page body: invite, then everyone with their role, then open invitations. */
export function PeopleManager({ people, invites, meId }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; message?: string } | undefined>) => startTransition(async () => {
    setError(undefined);
    const r = await work().catch(() => undefined);
    if (!r) setError(UNREACHABLE);
    else if (!r.ok) setError(r.message);
    router.refresh();
  });

  const setRole = (p: PersonView, role: Role) => {
    const self = p.id === meId ? " You will be signed out and sign in again with the new role." : ` ${p.name} is signed out everywhere.`;
    if (!window.confirm(`Make ${p.name} ${role === "editor" || role === "admin" ? "an" : "a"} ${role}?${self}`)) return router.refresh();
    run(() => changeRoleAction({ personId: p.id, role }));
  };
  const remove = (p: PersonView) => {
    if (!window.confirm(`Remove ${p.name} (${p.email})? They can no longer sign in.`)) return;
    run(() => removePersonAction({ personId: p.id }));
  };

  return (
    <div className="space-y-8">
      <section aria-labelledby="invite-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">Invite someone</h2>
        <div className="mt-3"><InviteForm onInvited={() => router.refresh()} /></div>
      </section>

      {error && <Alert tone="error">{error}</Alert>}

      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="text-lg font-semibold text-slate-900">People</h2>
        <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="People">
          {people.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="person" aria-label={p.name}>
              <div className="min-w-0 flex-1">
                <p className="font-semibold text-slate-900">{p.name}{p.id === meId && <span className="ml-2 text-xs font-medium text-slate-500">(you)</span>}</p>
                <p className="truncate text-sm text-slate-600">
                  {p.email} · {p.lastActiveAt ? `active ${relativeTime(p.lastActiveAt)}` : "not signed in"}
                </p>
              </div>
              <GroupsEditor person={p} disabled={pending} onSave={(groups) => run(() => setGroupsAction({ personId: p.id, groups }))} />
              <label className="text-sm text-slate-700">
                <span className="sr-only">Role of {p.name}</span>
                <select
                  value={p.role} disabled={pending} onChange={(e) => setRole(p, e.target.value as Role)}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                  aria-label={`Role of ${p.name}`}
                >
                  {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </label>
              <Button size="sm" variant="danger-ghost" disabled={pending} onClick={() => remove(p)} aria-label={`Remove ${p.name}`}>Remove</Button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading" className="text-lg font-semibold text-slate-900">Open invitations</h2>
        {invites.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None. An invitation stays here until it is used, withdrawn or expires.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Open invitations">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="invite" aria-label={i.email}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">{i.email} <span className="text-sm font-normal text-slate-600">as {i.role}</span></p>
                  <p className="text-sm text-slate-600">invited {relativeTime(i.createdAt)}{i.invitedBy ? ` by ${i.invitedBy}` : ""} · expires {relativeTime(i.expiresAt)}</p>
                </div>
                <Button size="sm" variant="danger-ghost" disabled={pending} onClick={() => run(() => revokeInviteAction({ id: i.id }))} aria-label={`Withdraw the invitation of ${i.email}`}>Withdraw</Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
