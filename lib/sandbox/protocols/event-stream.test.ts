import { describe, expect, it } from "vitest";
import { crc32, encodeMessage, eventMessage } from "./event-stream";

// The event stream framing: lengths, headers and CRC32 checksums as the AWS SDKs' decoders read them.

describe("event stream messages", () => {
  it("computes CRC-32 as IEEE 802.3 does", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("frames a message: prelude with its checksum, string headers, payload, message checksum", () => {
    const payload = new TextEncoder().encode("{}");
    const m = encodeMessage({ ":message-type": "event" }, payload);
    const view = new DataView(m.buffer);
    const headersLength = 1 + 13 + 1 + 2 + 5;
    expect(view.getUint32(0)).toBe(m.byteLength);
    expect(m.byteLength).toBe(12 + headersLength + payload.byteLength + 4);
    expect(view.getUint32(4)).toBe(headersLength);
    expect(view.getUint32(8)).toBe(crc32(m.subarray(0, 8)));
    expect(m[12]).toBe(13);
    expect(new TextDecoder().decode(m.subarray(13, 26))).toBe(":message-type");
    expect(m[26]).toBe(7);
    expect(view.getUint16(27)).toBe(5);
    expect(new TextDecoder().decode(m.subarray(29, 34))).toBe("event");
    expect(new TextDecoder().decode(m.subarray(34, 36))).toBe("{}");
    expect(view.getUint32(m.byteLength - 4)).toBe(crc32(m.subarray(0, m.byteLength - 4)));
  });

  it("names the event and carries its structure as JSON", () => {
    const m = eventMessage("sessionUpdate", { sessionResults: [] });
    const text = new TextDecoder().decode(m);
    expect(text).toContain(":event-type");
    expect(text).toContain("sessionUpdate");
    expect(text).toContain("application/json");
    expect(text).toContain('{"sessionResults":[]}');
  });
});
