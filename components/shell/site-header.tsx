import Link from "next/link";
import { LogoMark } from "./logo-mark";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-8 px-4 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2.5 rounded text-slate-900" aria-label="Stevedore home">
          <LogoMark />
          <span className="text-lg font-semibold tracking-tight">Stevedore</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-1 text-sm font-medium">
            <li>
              <Link href="/" className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                Designs
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
