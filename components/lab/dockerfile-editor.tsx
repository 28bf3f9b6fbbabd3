"use client";

import { useId, useRef } from "react";
import type { DockerfileDiagnostic } from "@/lib/domain/lab/dockerfile";

/**
 * A plain textarea with a line-number gutter: the lab's Dockerfiles are a dozen lines, and a
 * textarea is what keyboards, screen readers and Playwright's typing all handle well. Problems
 * are marked in the gutter and listed under the editor; picking one puts the cursor on its line.
 */
export function DockerfileEditor({ value, onChange, diagnostics }: { value: string; onChange(v: string): void; diagnostics: DockerfileDiagnostic[] }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const id = useId();
  const lines = value.split("\n");
  const bad = new Set(diagnostics.flatMap((d) => Array.from({ length: d.range.endLine - d.range.line + 1 }, (_, k) => d.range.line + k)));

  function goTo(line: number) {
    const el = ref.current;
    if (!el) return;
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">Dockerfile</label>
      <div className={`flex overflow-hidden rounded-md border font-mono text-[13px] leading-6 ${diagnostics.length ? "border-red-400" : "border-slate-300"} focus-within:ring-2 focus-within:ring-brand-600`}>
        <div ref={gutter} aria-hidden className="select-none overflow-hidden bg-slate-50 py-2 text-right text-slate-500" style={{ maxHeight: "22rem" }}>
          {lines.map((_, i) => (
            <div key={i} className={`px-2 ${bad.has(i + 1) ? "bg-red-50 font-semibold text-red-700" : ""}`}>{bad.has(i + 1) ? "●" : ""}{i + 1}</div>
          ))}
        </div>
        <textarea
          id={id}
          ref={ref}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => { if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop; }}
          spellCheck={false}
          rows={Math.min(Math.max(lines.length + 1, 8), 14)}
          aria-invalid={diagnostics.length > 0}
          aria-describedby={diagnostics.length ? `${id}-problems` : undefined}
          className="w-full resize-y whitespace-pre bg-white px-3 py-2 text-slate-900 outline-none"
          style={{ maxHeight: "22rem" }}
        />
      </div>
      {diagnostics.length > 0 && (
        <ul id={`${id}-problems`} className="space-y-1 text-sm" data-testid="dockerfile-problems">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <button type="button" onClick={() => goTo(d.range.line)} className="w-full rounded border border-red-200 bg-red-50 px-2 py-1 text-left text-red-900 hover:underline">
                <span className="font-semibold">Line {d.range.line}:</span> {d.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
