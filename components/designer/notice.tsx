"use client";

import { useEffect } from "react";
import { useEditor, useEditorStore } from "./store/context";

/** Why an action did nothing (a refused connection, a full task definition), for a few seconds. */
export function Notice() {
  const notice = useEditor((s) => s.notice);
  const store = useEditorStore();
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.clearNotice(), 5000);
    return () => clearTimeout(t);
  }, [notice, store]);
  return (
    <div aria-live="assertive" className="pointer-events-none absolute inset-x-0 top-3 z-10 flex justify-center">
      {notice && (
        <p role="alert" data-testid="designer-notice"
          className={`pointer-events-auto rounded-md px-3 py-2 text-sm shadow ${notice.tone === "error" ? "bg-red-700 text-white" : "bg-slate-800 text-white"}`}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
