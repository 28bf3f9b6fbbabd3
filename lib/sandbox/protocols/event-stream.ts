// The AWS event stream encoding (`application/vnd.amazon.eventstream`) that streaming operations
// answer with (CloudWatch Logs StartLiveTail): a sequence of messages, each
//   total length (u32) | headers length (u32) | prelude CRC32 (u32) | headers | payload | message CRC32 (u32),
// big-endian, headers as name length (u8), name, value type (u8; 7 = string), value length (u16), value.
// https://docs.aws.amazon.com/AmazonS3/latest/API/RESTSelectObjectAppendix.html (the wire format)
// Pure: the edge (../live-tail.ts) writes the messages into its response stream.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3), the checksum of the prelude and of the whole message. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = new TextEncoder();

/** One message with string headers (the only kind these answers carry) and its payload. */
export function encodeMessage(headers: Readonly<Record<string, string>>, payload: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const n = utf8.encode(name);
    const v = utf8.encode(value);
    const h = new Uint8Array(1 + n.byteLength + 1 + 2 + v.byteLength);
    h[0] = n.byteLength;
    h.set(n, 1);
    h[1 + n.byteLength] = 7;
    new DataView(h.buffer).setUint16(2 + n.byteLength, v.byteLength, false);
    h.set(v, 4 + n.byteLength);
    parts.push(h);
  }
  const headersLength = parts.reduce((s, p) => s + p.byteLength, 0);
  const total = 12 + headersLength + payload.byteLength + 4;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total, false);
  view.setUint32(4, headersLength, false);
  view.setUint32(8, crc32(out.subarray(0, 8)), false);
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  out.set(payload, at);
  view.setUint32(total - 4, crc32(out.subarray(0, total - 4)), false);
  return out;
}

/** An event of the stream's union (`:event-type` names the member), its structure as JSON. */
export const eventMessage = (eventType: string, body: unknown) =>
  encodeMessage({ ":message-type": "event", ":event-type": eventType, ":content-type": "application/json" }, utf8.encode(JSON.stringify(body)));

/** A modelled error of the stream's union (`:exception-type`), ending the stream. */
export const exceptionMessage = (exceptionType: string, message: string) =>
  encodeMessage({ ":message-type": "exception", ":exception-type": exceptionType, ":content-type": "application/json" }, utf8.encode(JSON.stringify({ message })));

/** The content type of an event stream answer. */
export const EVENT_STREAM_CONTENT_TYPE = "application/vnd.amazon.eventstream";
