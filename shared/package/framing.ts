import { strFromU8, strToU8 } from 'fflate';

/**
 * The one file layout sync packages (.mzpkg) and backups (.mzbak) share:
 *
 *   magic (5 bytes) | version (1 byte) | header length (uint32, big-endian) | header JSON | payload
 *
 * Each format brings its own magic, header and refusals; this only frames and unframes.
 */
const maxHeaderBytes = 1024 * 1024; // a header is a few kilobytes; more means not ours

export function writeFramed(
  magic: readonly number[],
  version: number,
  header: unknown,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const headerBytes = strToU8(JSON.stringify(header));
  const prefix = magic.length + 1 + 4;
  const out = new Uint8Array(prefix + headerBytes.length + payload.length);
  out.set(magic, 0);
  out[magic.length] = version;
  new DataView(out.buffer).setUint32(magic.length + 1, headerBytes.length);
  out.set(headerBytes, prefix);
  out.set(payload, prefix + headerBytes.length);
  return out;
}

/** What is wrong with the frame, in the order it is checked; the format names its refusal. */
export type FramingProblem =
  | { problem: 'not_ours' } // wrong magic, or a header too large to be ours
  | { problem: 'truncated'; where: 'prefix' | 'header'; bytes: number }
  | { problem: 'unsupported_version'; version: number };

export interface Framed {
  /** The header's parsed JSON, or null when it is not JSON at all. */
  header: unknown;
  payload: Uint8Array<ArrayBuffer>;
}

export function readFramed(
  bytes: Uint8Array<ArrayBuffer>,
  magic: readonly number[],
  version: number,
): Framed | FramingProblem {
  const prefix = magic.length + 1 + 4;
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) {
    return { problem: 'not_ours' };
  }
  if (bytes.length < prefix) return { problem: 'truncated', where: 'prefix', bytes: bytes.length };
  const found = bytes[magic.length] ?? 0;
  if (found !== version) return { problem: 'unsupported_version', version: found };
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(magic.length + 1);
  if (headerLength > maxHeaderBytes) return { problem: 'not_ours' };
  if (bytes.length < prefix + headerLength) {
    return { problem: 'truncated', where: 'header', bytes: bytes.length };
  }
  return {
    header: parseJson(bytes.subarray(prefix, prefix + headerLength)),
    payload: bytes.slice(prefix + headerLength),
  };
}

export function isFramingProblem(read: Framed | FramingProblem): read is FramingProblem {
  return 'problem' in read;
}

/** The parsed JSON text, or null when it is not JSON. */
export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes)) as unknown;
  } catch {
    return null;
  }
}
