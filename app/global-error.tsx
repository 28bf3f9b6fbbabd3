"use client";

import "./globals.css";

/** Last resort when the root layout itself fails; it replaces the whole document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900">
        <main className="mx-auto max-w-xl px-4 py-16">
          <section role="alert" className="rounded-xl border border-red-200 bg-white p-8 shadow-sm">
            <h1 className="text-xl font-semibold">Stevedore could not start this page</h1>
            <p className="mt-2 text-slate-700">Something failed before the page could be drawn. Try again in a moment.</p>
            {error.digest && <p className="mt-2 text-sm text-slate-600">Reference: <code className="font-mono">{error.digest}</code></p>}
            <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-800">
              Try again
            </button>
          </section>
        </main>
      </body>
    </html>
  );
}
