"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { takeImportNotes } from "../actions/import-notes";

/** Shows, once, what the import on the previous page noticed (kept keys, guessed values, dropped fields). */
export function ImportNotesBanner({ designId }: { designId: string }) {
  const [notes, setNotes] = useState<string[]>();
  useEffect(() => {
    // Taking removes them; React's dev double-run of effects must not clear what the first run found.
    const taken = takeImportNotes(designId);
    // The notes live in sessionStorage, which the server's render cannot read, and taking them
    // removes them: they are read once after mount, as from any external system.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (taken) setNotes(taken);
  }, [designId]);
  if (!notes) return null;

  return (
    <div data-testid="import-notes">
      <Alert tone={notes.length ? "info" : "success"} title={notes.length ? `Imported, with ${notes.length} note${notes.length === 1 ? "" : "s"}` : "Imported"}>
        {notes.length > 0 ? (
          <ul className="list-disc space-y-0.5 pl-5">
            {notes.map((n, i) => <li key={i}>{n}</li>)}
          </ul>
        ) : (
          <p>Everything in the file was understood.</p>
        )}
        <Button size="sm" variant="ghost" className="mt-2 -ml-2" onClick={() => setNotes(undefined)}>Dismiss</Button>
      </Alert>
    </div>
  );
}
