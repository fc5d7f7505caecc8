import { gzipSync } from 'fflate';

/**
 * Gzip through the runtime's native CompressionStream where there is one (Chromium, Node
 * 18+): zlib in native code is several times faster than JavaScript on a large export.
 * fflate is the fallback and reads what either writes. Typed here because `shared/`
 * compiles without DOM or Node types.
 */
interface StreamGlobals {
  CompressionStream?: new (format: 'gzip') => unknown;
  Blob?: new (parts: Uint8Array[]) => { stream(): { pipeThrough(transform: unknown): unknown } };
  Response?: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> };
}

export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const { CompressionStream, Blob, Response } = globalThis as StreamGlobals;
  if (!CompressionStream || !Blob || !Response) return gzipSync(bytes, { level: 1 });
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
