"use client";

import { useSyncExternalStore } from "react";

// The theme is a class on <html>: the stored choice ("light" / "dark" in localStorage), else the
// system's prefers-color-scheme. THEME_SCRIPT applies it before first paint; this toggle flips
// and stores it. Other tabs and the system setting are followed through events.

import { THEME_KEY } from "./theme-script";

function apply() {
  const stored = localStorage.getItem(THEME_KEY);
  const dark = stored ? stored === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.classList.toggle("dark", dark);
}

function subscribe(cb: () => void) {
  const mq = matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => { apply(); cb(); };
  mq.addEventListener("change", onChange);
  window.addEventListener("storage", onChange);
  const obs = new MutationObserver(cb);
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => { mq.removeEventListener("change", onChange); window.removeEventListener("storage", onChange); obs.disconnect(); };
}

/** Whether the dark theme is on (for components that draw colours themselves, like the canvas). */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, () => document.documentElement.classList.contains("dark"), () => false);
}

export function ThemeToggle() {
  const dark = useDarkTheme();
  return (
    <button
      type="button"
      onClick={() => { localStorage.setItem(THEME_KEY, dark ? "light" : "dark"); apply(); }}
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
      title={dark ? "Switch to light theme" : "Switch to dark theme"}
      data-testid="theme-toggle"
      className="rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      <span aria-hidden="true">{dark ? "☀" : "☾"}</span> {dark ? "Light" : "Dark"}
    </button>
  );
}
