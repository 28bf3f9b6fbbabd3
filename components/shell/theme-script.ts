// Plain module (not "use client"), so the server header can inline the script text.
export const THEME_KEY = "stevedore-theme";

/** Applies the stored theme, else the system's, before first paint. */
export const THEME_SCRIPT = `(function(){try{var s=localStorage.getItem("${THEME_KEY}");var d=s?s==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
