import { describe, expect, it } from "vitest";
import { encodeOffset, pageAfter } from "./paging";

describe("pageAfter", () => {
  const items = [1, 2, 3, 4, 5];
  const invalid = () => new Error("bad token");

  it("walks the pages with the tokens it hands out, the last without one", () => {
    const first = pageAfter(items, undefined, 2, invalid);
    expect(first).toEqual({ page: [1, 2], next: encodeOffset(2) });
    const second = pageAfter(items, first.next, 2, invalid);
    expect(second.page).toEqual([3, 4]);
    expect(pageAfter(items, second.next, 2, invalid)).toEqual({ page: [5] });
  });

  it("answers the service's own error for a token it did not hand out", () => {
    expect(() => pageAfter(items, "not-a-token", 2, invalid)).toThrow("bad token");
    expect(() => pageAfter(items, btoa(JSON.stringify({ o: -1 })), 2, invalid)).toThrow("bad token");
  });
});
