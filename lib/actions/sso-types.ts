// What the single sign-on actions and page hand to client components, which may not import lib/server.
export type { SsoProviderView } from "@/lib/server/sso/types";
