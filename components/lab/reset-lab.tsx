"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { resetLab } from "./lab-store";

/** Forget the lab this browser keeps (the Build tab's bench and images, the registry and hosts), after a confirmation. */
export function ResetLab() {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  if (confirming) {
    return (
      <span className="flex flex-wrap items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-sm">
        <span className="text-slate-700">Forget the Dockerfile, build cache, images, registry and hosts kept in this browser?</span>
        <Button size="sm" variant="danger" onClick={() => { resetLab(); setConfirming(false); setDone(true); }}>Reset lab</Button>
        <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>Cancel</Button>
      </span>
    );
  }
  return (
    <span className="flex items-center gap-2">
      {done && <span role="status" className="text-sm text-slate-700">The lab starts fresh.</span>}
      <Button variant="ghost" onClick={() => { setDone(false); setConfirming(true); }}>Reset lab…</Button>
    </span>
  );
}
