/**
 * A package payload as UTF-8 JSON bytes, piece by piece: a large export serializes the
 * queue page by page while the next page is still being read, instead of building one
 * 100 MB string. The bytes are the same document a single JSON.stringify gives.
 *
 * A chunk may be a view of a buffer its producer reuses: consume it (compress it) before
 * asking for the next one.
 */
export type PayloadChunks = AsyncIterable<Uint8Array<ArrayBuffer>>;

// TextEncoder exists in both runtimes (browsers, Node 11+); typed here because `shared/`
// compiles without DOM or Node types. Native, unlike fflate's strToU8 (a JS loop).
interface EncoderGlobal {
  TextEncoder: new () => {
    encode(text: string): Uint8Array<ArrayBuffer>;
    encodeInto(text: string, into: Uint8Array): { read: number; written: number };
  };
}
const encoder = () => new (globalThis as unknown as EncoderGlobal).TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder().encode(text);
}

/** A whole payload as one chunk (small payloads: HQ's return files, tests). */
export async function* jsonChunks(value: unknown): PayloadChunks {
  yield utf8(JSON.stringify(value));
}

/**
 * Items stringified at a time. Small enough that one reused buffer holds their UTF-8
 * (about 6 MB for 2,000 ops): a fresh 100 MB of buffers per export costs more in
 * allocation and garbage collection than the encoding itself (measured in Chromium).
 */
const batch = 2_000;

/**
 * Exactly the bytes of JSON.stringify({ [key]: pages.flat() }), yielded a batch at a
 * time. Each batch is stringified as an array and its brackets become the separators,
 * so an item serializes as it would inside the whole array (undefined → null included).
 */
export async function* jsonArrayDocument(
  key: string,
  pages: AsyncIterable<readonly unknown[]>,
): PayloadChunks {
  const textEncoder = encoder();
  yield textEncoder.encode(`{${JSON.stringify(key)}:[`);
  let buffer = new Uint8Array(0);
  let first = true;
  for await (const page of pages) {
    for (let at = 0; at < page.length; at += batch) {
      const text = JSON.stringify(page.slice(at, at + batch));
      // UTF-8 takes at most 3 bytes per UTF-16 unit, so the whole text always fits.
      if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
      const { written } = textEncoder.encodeInto(text, buffer);
      // '[' and ']' are one byte each: drop the ']', and the '[' or turn it into ','.
      if (!first) buffer[0] = 0x2c;
      yield buffer.subarray(first ? 1 : 0, written - 1);
      first = false;
    }
  }
  yield textEncoder.encode(']}');
}
