/** A ship's hull carrying three stacked containers: the Stevedore mark. */
export function LogoMark({ className = "h-8 w-8" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#174ba8" />
      <rect x="7" y="9" width="8" height="5" rx="1" fill="#fbbf24" />
      <rect x="16" y="9" width="9" height="5" rx="1" fill="#ffffff" />
      <rect x="10" y="15" width="12" height="4" rx="1" fill="#7dd3fc" />
      <path d="M4 20h24l-3.5 6.5a1.5 1.5 0 0 1-1.3.8H8.8a1.5 1.5 0 0 1-1.3-.8z" fill="#ffffff" />
    </svg>
  );
}
