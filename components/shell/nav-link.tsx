"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A header link that marks itself current on its own pages (`/designs/…` belongs to Designs). */
export function NavLink({ href, also = [], children }: { href: string; also?: string[]; children: ReactNode }) {
  const path = usePathname() ?? "";
  const current = path === href || also.some((prefix) => path.startsWith(prefix));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-3 py-2 ${current ? "bg-slate-100 text-slate-900" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
    >
      {children}
    </Link>
  );
}
