"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { EnvironmentView } from "@/lib/actions/environment-types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EnvironmentForm } from "./environment-form";
import { EnvironmentRow } from "./environment-row";
import type { PersonOption } from "./environment-grants";
import type { GrantView } from "@/lib/actions/approval-types";
import { IfRole } from "@/components/auth/person-context";

/** The /environments page body: the list, and the create/edit dialog. */
type Props = {
  environments: EnvironmentView[];
  /** For admins: every environment's grants, and the people they may name. */
  admin?: { grants: Record<string, GrantView[]>; people: PersonOption[] };
};

export function EnvironmentsManager({ environments, admin }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState<EnvironmentView | "new">();
  const done = () => { setEditing(undefined); router.refresh(); };

  return (
    <div className="space-y-4">
      <IfRole role="admin">
        <div className="flex justify-end">
          <Button variant="primary" onClick={() => setEditing("new")}>New environment</Button>
        </div>
      </IfRole>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Environments">
        {environments.map((env) => <EnvironmentRow key={env.id} env={env} onEdit={() => setEditing(env)} onChanged={() => router.refresh()} grants={admin ? admin.grants[env.id] ?? [] : undefined} people={admin?.people} />)}
      </ul>
      <Dialog open={editing !== undefined} onClose={() => setEditing(undefined)} title={editing === "new" ? "New environment" : `Edit “${editing?.name ?? ""}”`} wide>
        {editing !== undefined && (
          <EnvironmentForm environment={editing === "new" ? undefined : editing} onDone={done} onCancel={() => setEditing(undefined)} />
        )}
      </Dialog>
    </div>
  );
}
