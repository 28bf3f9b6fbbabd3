"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { EnvironmentView } from "@/lib/actions/environment-types";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EnvironmentForm } from "./environment-form";
import { EnvironmentRow } from "./environment-row";
import { IfRole } from "@/components/auth/person-context";

/** The /environments page body: the list, and the create/edit dialog. */
export function EnvironmentsManager({ environments }: { environments: EnvironmentView[] }) {
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
        {environments.map((env) => <EnvironmentRow key={env.id} env={env} onEdit={() => setEditing(env)} onChanged={() => router.refresh()} />)}
      </ul>
      <Dialog open={editing !== undefined} onClose={() => setEditing(undefined)} title={editing === "new" ? "New environment" : `Edit “${editing?.name ?? ""}”`} wide>
        {editing !== undefined && (
          <EnvironmentForm environment={editing === "new" ? undefined : editing} onDone={done} onCancel={() => setEditing(undefined)} />
        )}
      </Dialog>
    </div>
  );
}
