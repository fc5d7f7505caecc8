import { Gunzip, Gzip } from 'fflate';
import type { PayloadChunks } from './payloadChunks';

type Bytes = Uint8Array<ArrayBuffer>;

/**
 * A gzipped payload, only ever made here: sealing takes this rather than any bytes, so
 * nothing uncompressed can be sealed by mistake as if it were gzip.
 */
export interface GzippedPayload {
  readonly gzip: Bytes;
}

// The streams part of the DOM, typed here because `shared/` compiles without DOM or
// Node types.
interface WriterLike {
  write(chunk: Bytes): Promise<void>;
  close(): Promise<void>;
  abort(reason: unknown): Promise<void>;
}
interface CompressionStreamLike {
  readonly writable: { getWriter(): WriterLike };
  readonly readable: unknown;
}
interface StreamGlobals {
  CompressionStream?: new (format: 'gzip') => CompressionStreamLike;
  Response?: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Gzip through the runtime's native CompressionStream where there is one (Chromium, Node
 * 18+): zlib in native code is several times faster than JavaScript on a large export.
 * fflate (level 1) is the fallback and reads what either writes.
 */
export type GzipEngine = 'native' | 'fflate';

/** Native where the runtime has it; tests pass 'fflate' to cover the fallback. */
export function defaultGzipEngine(): GzipEngine {
  const { CompressionStream, Response } = globalThis as StreamGlobals;
  return CompressionStream && Response ? 'native' : 'fflate';
}

/**
 * Gzips the chunks as they arrive, so a producer that reads and serializes page by page
 * overlaps with the compression instead of handing over one 100 MB buffer at the end.
 */
export async function gzipChunks(
  chunks: PayloadChunks,
  engine: GzipEngine = defaultGzipEngine(),
): Promise<GzippedPayload> {
  const gzip = engine === 'native' ? await nativeGzip(chunks) : await fflateGzip(chunks);
  return { gzip };
}

async function nativeGzip(chunks: PayloadChunks): Promise<Bytes> {
  const { CompressionStream, Response } = globalThis as StreamGlobals;
  if (!CompressionStream || !Response) throw new Error('CompressionStream is not available here.');
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Drained while it is written, else the transform would stall on a full readable side.
  const output = new Response(stream.readable).arrayBuffer();
  output.catch(() => undefined); // an abort below rejects it; the producer's error is the one thrown
  try {
    // A copy goes in: the producer reuses its buffer for the next chunk, and a resolved
    // write does not mean the stream has read it (Node's resolves small writes before
    // zlib does). Each write is awaited so the producer never runs far ahead.
    for await (const chunk of chunks) await writer.write(chunk.slice());
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
  return new Uint8Array(await output);
}

async function fflateGzip(chunks: PayloadChunks): Promise<Bytes> {
  const parts: Uint8Array[] = [];
  const gzip = new Gzip({ level: 1 }, (data) => parts.push(data));
  for await (const chunk of chunks) gzip.push(chunk);
  gzip.push(new Uint8Array(0), true);
  return joined(parts);
}

/**
 * A gzip fed synchronously, chunk by chunk (fflate, level 1): for a producer that must not
 * await anything but its own reads, such as one IndexedDB read transaction over a whole
 * store (an await on a stream would let the transaction commit half-way).
 */
export interface GzipSink {
  push(chunk: Uint8Array): void;
  finish(): GzippedPayload;
}

export function gzipSink(): GzipSink {
  const parts: Uint8Array[] = [];
  const gzip = new Gzip({ level: 1 }, (data) => parts.push(data));
  return {
    push: (chunk) => gzip.push(chunk),
    finish: () => {
      gzip.push(new Uint8Array(0), true);
      return { gzip: joined(parts) };
    },
  };
}

/**
 * Gunzips, stopping as soon as the output passes `maxBytes`: null then. A package is
 * opened only after its signature checks, so only an enrolled party could send a few
 * kilobytes that unpack to gigabytes; this keeps even that from exhausting memory.
 */
export function gunzipWithin(gzip: Uint8Array, maxBytes: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  const tooLarge = new Error('over the limit');
  const gunzip = new Gunzip((data) => {
    total += data.length;
    if (total > maxBytes) throw tooLarge;
    parts.push(data);
  });
  try {
    gunzip.push(gzip, true);
  } catch (error) {
    if (error === tooLarge) return null;
    throw error;
  }
  return joined(parts);
}

function joined(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
