"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { deleteSsoProviderAction, saveSsoProviderAction } from "@/lib/actions/sso";
import type { SsoProviderView } from "@/lib/actions/sso-types";
import { ROLES, type Role } from "@/lib/domain/access";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitAction, UNREACHABLE } from "@/components/ui/form-issues";
import { TextAreaField, TextField } from "@/components/ui/text-field";

type Draft = {
  id: string; label: string; issuer: string; clientId: string; clientSecret: string; scopes: string;
  groupsClaim: string; mapping: string; defaultRole: Role | ""; enabled: boolean;
};

const EMPTY: Draft = {
  id: "", label: "", issuer: "", clientId: "", clientSecret: "", scopes: "openid email profile",
  groupsClaim: "groups", mapping: "", defaultRole: "", enabled: true,
};

const toDraft = (p: SsoProviderView): Draft => ({
  id: p.id, label: p.label, issuer: p.issuer, clientId: p.clientId, clientSecret: "", scopes: p.scopes.join(" "),
  groupsClaim: p.groupsClaim, mapping: p.groupRoles.map((r) => `${r.group} = ${r.role}`).join("\n"), defaultRole: p.defaultRole ?? "", enabled: p.enabled,
});

/** "group = role", one a line; a line that is not that is reported, not dropped. */
function parseMapping(text: string): { rows: { group: string; role: Role }[]; bad?: string } {
  const rows: { group: string; role: Role }[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*=\s*(\w+)$/.exec(line);
    const role = m?.[2] as Role | undefined;
    if (!m || !role || !ROLES.includes(role)) return { rows, bad: `"${line}" is not "group = viewer|editor|admin"` };
    rows.push({ group: m[1], role });
  }
  return { rows };
}

const noSubscription = () => () => {};

const selectClass = "mt-1 block h-[38px] w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm";

export function SsoManager({ providers }: { providers: SsoProviderView[] }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  // This server's origin as the browser sees it (empty while rendered on the server).
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");

  function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    setSaved(undefined);
    const mapping = parseMapping(draft.mapping);
    if (mapping.bad) return setErrors({ groupRoles: mapping.bad });
    startTransition(async () => {
      const r = await submitAction(() => saveSsoProviderAction({
        id: draft.id, label: draft.label, issuer: draft.issuer, clientId: draft.clientId, clientSecret: draft.clientSecret,
        scopes: draft.scopes.split(/\s+/).filter(Boolean), groupsClaim: draft.groupsClaim, groupRoles: mapping.rows,
        defaultRole: draft.defaultRole, enabled: draft.enabled,
      }), setErrors, setFailure);
      if (!r) return;
      setSaved(`Saved ${r.data.label}. Register ${origin}${r.data.callbackPath} as its redirect URL at the identity provider.`);
      setEditing(r.data.id);
      setDraft(toDraft(r.data));
      router.refresh();
    });
  }

  function remove(id: string) {
    if (!window.confirm(`Remove the single sign-on provider ${id}? Its button goes from the sign-in page.`)) return;
    startTransition(async () => {
      const r = await deleteSsoProviderAction({ id }).catch(() => undefined);
      if (!r?.ok) return setFailure(r?.message ?? UNREACHABLE);
      if (editing === id) { setEditing(undefined); setDraft(EMPTY); }
      router.refresh();
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_1.4fr]">
      <section aria-label="Providers" className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Providers</h2>
        {providers.length === 0 && <p className="text-sm text-slate-600">None yet: people sign in with the passwords of their invitations.</p>}
        <ul className="space-y-3">
          {providers.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`sso-provider-${p.id}`}>
              <div className="flex items-start justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">{p.label} <span className="text-sm text-slate-500">({p.id})</span></p>
                  <p className="text-sm text-slate-600 break-all">{p.issuer}</p>
                </div>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${p.enabled ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-600"}`}>{p.enabled ? "enabled" : "disabled"}</span>
              </div>
              <p className="mt-2 text-sm text-slate-700">
                {p.groupRoles.length ? p.groupRoles.map((r) => `${r.group} → ${r.role}`).join(", ") : "No groups mapped"}; others: {p.defaultRole ?? "refused"}
              </p>
              <p className="mt-1 text-xs text-slate-500 break-all">Redirect URL: {origin}{p.callbackPath}</p>
              <div className="mt-3 flex gap-2">
                <Button size="sm" onClick={() => { setEditing(p.id); setDraft(toDraft(p)); setErrors({}); setSaved(undefined); }}>Edit</Button>
                <Button size="sm" variant="danger-ghost" onClick={() => remove(p.id)} disabled={pending}>Remove</Button>
              </div>
            </li>
          ))}
        </ul>
        {editing && <Button variant="ghost" onClick={() => { setEditing(undefined); setDraft(EMPTY); setErrors({}); }}>Add another provider</Button>}
      </section>

      <form onSubmit={submit} noValidate aria-label="Single sign-on provider" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">{editing ? `Edit ${editing}` : "Add a provider"}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Id" value={draft.id} onChange={(e) => set("id", e.target.value)} disabled={Boolean(editing)} error={errors.id}
            hint={`The redirect URL ends with it: ${origin}/api/auth/callback/${draft.id || "<id>"}`} placeholder="okta" />
          <TextField label="Button label" value={draft.label} onChange={(e) => set("label", e.target.value)} error={errors.label} placeholder="Okta" hint={`"Sign in with ${draft.label || "…"}"`} />
        </div>
        <TextField label="Issuer URL" value={draft.issuer} onChange={(e) => set("issuer", e.target.value)} error={errors.issuer}
          placeholder="https://example.okta.com" hint="Its /.well-known/openid-configuration is read for the endpoints and keys." />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Client id" value={draft.clientId} onChange={(e) => set("clientId", e.target.value)} error={errors.clientId} autoComplete="off" />
          <TextField label="Client secret" type="password" value={draft.clientSecret} onChange={(e) => set("clientSecret", e.target.value)} error={errors.clientSecret}
            autoComplete="new-password" hint={editing ? "Stored, sealed. Leave empty to keep it." : "Sealed at rest; never shown again."} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Scopes" value={draft.scopes} onChange={(e) => set("scopes", e.target.value)} error={errors.scopes} hint="Space-separated; add groups if your provider needs it." />
          <TextField label="Groups claim" value={draft.groupsClaim} onChange={(e) => set("groupsClaim", e.target.value)} error={errors.groupsClaim} hint="The ID token or userinfo claim that lists groups." />
        </div>
        <TextAreaField label="Groups → roles" rows={4} value={draft.mapping} onChange={(e) => set("mapping", e.target.value)} error={errors.groupRoles}
          placeholder={"stevedore-admins = admin\nplatform-eng = editor\neveryone = viewer"} hint="One a line: group = viewer, editor or admin. The highest role of a person's groups wins." />
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="sso-default-role" className="block text-sm font-medium text-slate-800">People in no mapped group</label>
            <select id="sso-default-role" value={draft.defaultRole} onChange={(e) => set("defaultRole", e.target.value as Role | "")} className={selectClass}>
              <option value="">are refused</option>
              {ROLES.map((r) => <option key={r} value={r}>get the {r} role</option>)}
            </select>
          </div>
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => set("enabled", e.target.checked)} /> Enabled (shown on the sign-in page)
          </label>
        </div>
        {failure && <Alert tone="error">{failure}</Alert>}
        {saved && <Alert tone="success">{saved}</Alert>}
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : editing ? "Save changes" : "Add provider"}</Button>
      </form>
    </div>
  );
}
