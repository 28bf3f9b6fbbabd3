import Link from "next/link";
import type { Person } from "@/lib/domain/access";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LogoMark } from "./logo-mark";
import { NavLink } from "./nav-link";
import { THEME_SCRIPT } from "./theme-script";
import { ThemeToggle } from "./theme-toggle";

/** The top bar: the sections for a signed-in person, who they are, and signing out. */
export function SiteHeader({ person }: { person?: Person }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Runs while the page is parsed, before paint: no flash of the wrong theme. */}
      <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2.5 rounded text-slate-900" aria-label="Stevedore home">
          <LogoMark />
          <span className="text-lg font-semibold tracking-tight">Stevedore</span>
        </Link>
        {person && (
          <nav aria-label="Main">
            <ul className="flex gap-0.5 whitespace-nowrap text-sm font-medium">
              <li>
                <NavLink href="/" also={["/designs/"]}>Designs</NavLink>
              </li>
              <li><NavLink href="/environments">Environments</NavLink></li>
              <li><NavLink href="/approvals">Approvals</NavLink></li>
              <li><NavLink href="/monitor" also={["/monitor/"]}>Monitor</NavLink></li>
              <li><NavLink href="/learn" also={["/learn/"]}>Learn</NavLink></li>
              {person.role === "admin" && <li><NavLink href="/people">People</NavLink></li>}
              {person.role === "admin" && <li><NavLink href="/audit">Audit</NavLink></li>}
              {person.role === "admin" && <li><NavLink href="/settings/sso">SSO</NavLink></li>}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex shrink-0 items-center gap-1 whitespace-nowrap">
          <ThemeToggle />
          {person && (
            <>
              <Link href="/profile" className="rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100" data-testid="signed-in-as" title={person.email}>
                {person.name} <span className="text-slate-500">· {person.role}</span>
              </Link>
              <SignOutButton />
            </>
          )}
        </div>
      </div>
    </header>
  );
}
