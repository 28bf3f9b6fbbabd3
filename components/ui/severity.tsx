import type { Severity } from "@/lib/domain/rules/types";

export const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/** Text colours are the 700/800 shades so they pass WCAG AA on their tinted backgrounds. */
export const SEVERITY_STYLE: Record<Severity, { badge: string; icon: string; border: string }> = {
  error: { badge: "bg-red-50 text-red-800 ring-red-200", icon: "text-red-700", border: "border-l-red-600" },
  warning: { badge: "bg-amber-50 text-amber-900 ring-amber-300", icon: "text-amber-700", border: "border-l-amber-500" },
  info: { badge: "bg-sky-50 text-sky-900 ring-sky-200", icon: "text-sky-700", border: "border-l-sky-600" },
};

export function SeverityIcon({ severity, className = "h-4 w-4" }: { severity: Severity; className?: string }) {
  const cls = `${className} shrink-0 ${SEVERITY_STYLE[severity].icon}`;
  if (severity === "error") {
    return (
      <svg viewBox="0 0 20 20" className={cls} fill="currentColor" role="img" aria-label="Error">
        <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM8.28 7.22a.75.75 0 0 0-1.06 1.06L8.94 10l-1.72 1.72a.75.75 0 1 0 1.06 1.06L10 11.06l1.72 1.72a.75.75 0 1 0 1.06-1.06L11.06 10l1.72-1.72a.75.75 0 0 0-1.06-1.06L10 8.94 8.28 7.22Z" clipRule="evenodd" />
      </svg>
    );
  }
  if (severity === "warning") {
    return (
      <svg viewBox="0 0 20 20" className={cls} fill="currentColor" role="img" aria-label="Warning">
        <path fillRule="evenodd" d="M8.49 2.6c.66-1.14 2.36-1.14 3.02 0l6.28 10.86c.66 1.14-.16 2.54-1.51 2.54H3.72c-1.35 0-2.17-1.4-1.51-2.54L8.49 2.6ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 20 20" className={cls} fill="currentColor" role="img" aria-label="Info">
      <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v2.75a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 10 9H9Z" clipRule="evenodd" />
    </svg>
  );
}

export function SeverityCount({ severity, count }: { severity: Severity; count: number }) {
  const label = `${count} ${SEVERITY_LABEL[severity].toLowerCase()}${count === 1 ? "" : "s"}`;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${SEVERITY_STYLE[severity].badge}`}>
      <SeverityIcon severity={severity} className="h-3.5 w-3.5" />
      {label}
    </span>
  );
}
