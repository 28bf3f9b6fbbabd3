/** A moment as the record pages print it: day and minute, in UTC (server and browser agree). */
export const when = (iso: string) => `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
