import { useId, type ReactNode } from "react";

// Small SVG building blocks for the concept diagrams. Colours are Tailwind classes, so the dark
// theme (which remaps slate) and `dark:` variants apply to the drawings as to the page.

export type Tone = "slate" | "sky" | "violet" | "emerald" | "amber" | "indigo" | "rose";

const tones: Record<Tone, { box: string; text: string }> = {
  slate: { box: "fill-slate-100 stroke-slate-400", text: "fill-slate-800" },
  sky: { box: "fill-sky-50 stroke-sky-500 dark:fill-sky-950", text: "fill-sky-900 dark:fill-sky-100" },
  violet: { box: "fill-violet-50 stroke-violet-500 dark:fill-violet-950", text: "fill-violet-900 dark:fill-violet-100" },
  emerald: { box: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950", text: "fill-emerald-900 dark:fill-emerald-100" },
  amber: { box: "fill-amber-50 stroke-amber-500 dark:fill-amber-950", text: "fill-amber-900 dark:fill-amber-100" },
  indigo: { box: "fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950", text: "fill-indigo-900 dark:fill-indigo-100" },
  rose: { box: "fill-rose-50 stroke-rose-500 dark:fill-rose-950", text: "fill-rose-900 dark:fill-rose-100" },
};

type BoxProps = {
  x: number; y: number; w: number; h: number; tone?: Tone; label?: ReactNode; sub?: ReactNode;
  dashed?: boolean; rx?: number; labelAt?: "center" | "top"; size?: number;
};

export function Box({ x, y, w, h, tone = "slate", label, sub, dashed, rx = 6, labelAt = "center", size = 13 }: BoxProps) {
  const t = tones[tone];
  const ly = labelAt === "top" ? y + 18 : sub ? y + h / 2 - 3 : y + h / 2 + 4.5;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={rx} className={t.box} strokeWidth={1.5} strokeDasharray={dashed ? "5 4" : undefined} />
      {label && (
        <text x={x + w / 2} y={ly} textAnchor="middle" fontSize={size} fontWeight={600} className={t.text}>{label}</text>
      )}
      {sub && (
        <text x={x + w / 2} y={labelAt === "top" ? y + 34 : y + h / 2 + 13} textAnchor="middle" fontSize={size - 2} className="fill-slate-600">{sub}</text>
      )}
    </g>
  );
}

export function Label({ x, y, children, anchor = "middle", size = 12, weight = 400, className = "fill-slate-600" }: {
  x: number; y: number; children: ReactNode; anchor?: "start" | "middle" | "end"; size?: number; weight?: number; className?: string;
}) {
  return <text x={x} y={y} textAnchor={anchor} fontSize={size} fontWeight={weight} className={className}>{children}</text>;
}

/** An arrow from (x1,y1) to (x2,y2); the marker is per diagram so ids never clash. */
export function Arrow({ x1, y1, x2, y2, marker, dashed, className = "stroke-slate-500" }: {
  x1: number; y1: number; x2: number; y2: number; marker: string; dashed?: boolean; className?: string;
}) {
  return <line x1={x1} y1={y1} x2={x2} y2={y2} className={className} strokeWidth={1.5} strokeDasharray={dashed ? "4 3" : undefined} markerEnd={`url(#${marker})`} />;
}

/**
 * The accessible frame of a diagram: role="img" named by its title and described by its
 * description, so a screen reader gets the point of the picture in words.
 */
export function Diagram({ title, description, width, height, children }: {
  title: string; description: string; width: number; height: number; children: (marker: string) => ReactNode;
}) {
  const id = useId().replace(/:/g, "");
  const marker = `arrow-${id}`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="mx-auto h-auto w-full max-w-3xl" fontFamily="inherit">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="fill-slate-500" />
        </marker>
      </defs>
      {children(marker)}
    </svg>
  );
}
