/** The terminal-like output of one docker command, announced to screen readers as it changes. */
export function TransferLog({ label, command, lines, summary, failed }: { label: string; command?: string; lines: string[]; summary?: string; failed?: boolean }) {
  return (
    <div className="space-y-1.5">
      <pre
        role="log"
        aria-label={label}
        aria-live="polite"
        tabIndex={0}
        className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md border border-[#1e293b] bg-[#0b1220] p-3 font-mono text-xs leading-relaxed text-[#e2e8f0] focus:outline-2 focus:outline-brand-600"
      >
        {command && <span className="text-emerald-300">$ {command}{"\n"}</span>}
        {lines.map((l, i) => (
          <span key={i} className={failed && i === lines.length - 1 ? "text-red-300" : undefined}>{l}{"\n"}</span>
        ))}
      </pre>
      {summary && <p className={`text-sm ${failed ? "text-red-700" : "text-slate-700"}`}>{summary}</p>}
    </div>
  );
}
