"use client";

import { useState, useTransition, type FormEvent } from "react";
import { invitePersonAction } from "@/lib/actions/people";
import type { NewInvite } from "@/lib/actions/people-types";
import { ROLES, ROLE_SUMMARIES, type Role } from "@/lib/domain/access";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitAction } from "@/components/ui/form-issues";
import { TextField } from "@/components/ui/text-field";

/** Invite one person: the link appears once, to copy and send them. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [invite, setInvite] = useState<NewInvite>();
  const [pending, startTransition] = useTransition();

  function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    startTransition(async () => {
      const r = await submitAction(() => invitePersonAction({ email, role }), setErrors, setFailure);
      if (!r) return;
      setEmail("");
      setInvite(r.data);
      onInvited();
    });
  }

  const link = invite ? `${window.location.origin}/invite/${invite.token}` : "";
  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Invite someone">
        <div className="min-w-64 flex-1">
          <TextField label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} required />
        </div>
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">Role</label>
          <select
            id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}
            className="mt-1 block h-[38px] rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm"
          >
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={pending} className="h-[38px]">{pending ? "Inviting…" : "Invite"}</Button>
      </form>
      <p className="text-sm text-slate-600">{ROLE_SUMMARIES[role]}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      {invite && (
        <Alert tone="success" title={`Invitation for ${invite.email} (${invite.role})`}>
          <p>Send them this link; it works once, until {new Date(invite.expiresAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}. It is not shown again.</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={link} aria-label="Invite link" data-testid="invite-link" className="min-w-0 flex-1 rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(e) => e.target.select()} />
            <Button size="sm" onClick={() => void navigator.clipboard?.writeText(link)}>Copy</Button>
          </div>
        </Alert>
      )}
    </div>
  );
}
