import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gzipChunks, type GzipEngine } from '@shared/package/compression';
import { jsonArrayDocument, utf8, type PayloadChunks } from '@shared/package/payloadChunks';

/**
 * The streamed payload of a large export (shared/package/payloadChunks.ts and
 * compression.ts): its bytes must be exactly the one-string JSON document HQ reads, in
 * whichever pages the queue arrives, and both gzip engines must compress a producer
 * that reuses its buffer.
 */
async function* fromPages<T>(pages: T[][]): AsyncGenerator<T[]> {
  for (const page of pages) yield page;
}

/** Copies each chunk as it comes: the producer may overwrite it for the next one. */
async function collect(chunks: PayloadChunks): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** `count` op-like items with Chinese text, an emoji (a surrogate pair) and escapes. */
function items(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    kind: i % 3 ? 'person' : 'household',
    fields: { name: `张${i}`, note: i % 7 ? `住址"东街"\n${i}号` : '😀 ✓', gone: undefined },
    list: [i, null, undefined, 'x'],
  }));
}

const documentOf = (all: unknown[]) => Buffer.from(utf8(JSON.stringify({ ops: all })));

describe('jsonArrayDocument', () => {
  it('gives the bytes of one JSON.stringify for any paging', async () => {
    const all = items(4_321);
    const pagings = [
      [all],
      [all.slice(0, 2_000), all.slice(2_000, 4_000), all.slice(4_000)],
      [[], all.slice(0, 1), [], all.slice(1, 2_001), all.slice(2_001), []],
      Array.from({ length: 44 }, (_, p) => all.slice(p * 100, p * 100 + 100)),
    ];
    for (const pages of pagings) {
      const bytes = await collect(jsonArrayDocument('ops', fromPages(pages)));
      expect(bytes.equals(documentOf(all))).toBe(true);
    }
  });

  it('gives an empty array for no items and for empty pages', async () => {
    for (const pages of [[], [[], []]]) {
      const bytes = await collect(jsonArrayDocument('ops', fromPages(pages)));
      expect(new TextDecoder().decode(bytes)).toBe('{"ops":[]}');
    }
  });
});

describe('gzipChunks', () => {
  const engines: GzipEngine[] = ['native', 'fflate'];

  it.each(engines)('%s: compresses a streamed document that reuses its buffer', async (engine) => {
    const all = items(9_001);
    const pages = [all.slice(0, 5_000), all.slice(5_000)];
    const { gzip } = await gzipChunks(jsonArrayDocument('ops', fromPages(pages)), engine);
    expect(gzip[0]).toBe(0x1f); // gzip magic: HQ's reader takes either engine's output
    expect(Buffer.from(gunzipSync(gzip)).equals(documentOf(all))).toBe(true);
  });

  it.each(engines)('%s: keeps small chunks whose buffer is reused at once', async (engine) => {
    // Node's CompressionStream resolves a small write before zlib has read it.
    const buffer = new Uint8Array(4);
    async function* reused(): PayloadChunks {
      for (const letter of 'ABCDE') {
        buffer.fill(letter.charCodeAt(0));
        yield buffer;
      }
    }
    const { gzip } = await gzipChunks(reused(), engine);
    expect(new TextDecoder().decode(gunzipSync(gzip))).toBe('AAAABBBBCCCCDDDDEEEE');
  });

  it.each(engines)('%s: fails with the producer’s error', async (engine) => {
    async function* failing(): PayloadChunks {
      yield utf8('{"ops":[');
      throw new Error('queue read failed');
    }
    await expect(gzipChunks(failing(), engine)).rejects.toThrow('queue read failed');
  });
});
