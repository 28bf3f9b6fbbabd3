export * from "./schemas";
export * from "./types";
export { listSsoProviders, ssoButtons, saveSsoProvider, deleteSsoProvider } from "./manage-providers";
