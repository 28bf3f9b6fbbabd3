"use client";

import { useState } from "react";
import type { PersonView } from "@/lib/actions/people-types";
import { Button } from "@/components/ui/button";

type Props = { person: PersonView; disabled: boolean; onSave: (groups: string[]) => void };

const parse = (text: string) => text.split(",").map((g) => g.trim()).filter(Boolean);
// The server keeps each group once, sorted: compare the same way.
const normal = (groups: string[]) => [...new Set(groups)].sort().join(",");

/** A person's groups, comma-separated (single sign-on sets them too): per-environment grants may name a group. */
export function GroupsEditor({ person, disabled, onSave }: Props) {
  const [text, setText] = useState(person.groups.join(", "));
  const changed = normal(parse(text)) !== normal(person.groups);
  return (
    <form className="flex items-center gap-1.5" onSubmit={(e) => { e.preventDefault(); onSave(parse(text)); }}>
      <input
        className="w-44 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" value={text} onChange={(e) => setText(e.target.value)}
        placeholder="groups, comma-separated" aria-label={`Groups of ${person.name}`}
      />
      {changed && <Button type="submit" size="sm" disabled={disabled} aria-label={`Save groups of ${person.name}`}>Save</Button>}
    </form>
  );
}
