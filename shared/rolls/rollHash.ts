import { sha256, toHex } from '../package/webCrypto';
import { utf8 } from '../package/payloadChunks';
import type { RollLine } from './rollRecord';

/** JSON with every object's keys in code-unit order, so equal lines give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the lines' canonical JSON: what the supervisor approves and HQ checks. */
export async function rollHash(lines: readonly RollLine[]): Promise<string> {
  return toHex(await sha256(utf8(canonicalJson(lines))));
}
