import { AppError } from '../errors/appError';

/**
 * HQ's address, checked the same way wherever it is used: the 同步设置 form, the
 * Electron main process before every request (the stored address included) and the
 * browser build's transport. A desk sends its token and residents' records to this
 * address, so plain `http:` is refused unless it stays on this computer (loopback) or
 * the desk's visible developer setting allows it (renderer/src/sync/syncMeta.ts).
 */
export interface HqAddressRules {
  /** 开发者：允许不加密的 http 地址 (off unless someone ticked it in 同步设置). */
  allowInsecureHttp: boolean;
}

/** The field error codes of a refused address (worded in renderer/src/i18n). */
export type HqAddressProblem = 'sync.hqUrl.invalid' | 'sync.hqUrl.insecure';

// URL exists in every runtime shared/ runs in; typed here because shared/ compiles
// without DOM or Node types.
interface ParsedUrl {
  protocol: string;
  username: string;
  password: string;
  hostname: string;
  origin: string;
  pathname: string;
  search: string;
  hash: string;
}
interface UrlGlobal {
  URL: new (text: string) => ParsedUrl;
}

function parseUrl(text: string): ParsedUrl | null {
  try {
    return new (globalThis as unknown as UrlGlobal).URL(text);
  } catch {
    return null;
  }
}

/**
 * True for names that never leave this computer: localhost, 127.0.0.0/8 and [::1]
 * (and 127.0.0.0/8 written as an IPv4-mapped IPv6 address). The hostname is the URL
 * parser's, so `127.1` or `0x7f.0.0.1` arrive here already written as 127.0.0.1.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]' ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/**
 * HQ's base URL as typed or stored, normalised: http(s) only, no user name or password,
 * no query or fragment, trailing slashes dropped (a path prefix stays). Throws a
 * validation AppError on field `hqUrl` naming the rule it broke.
 */
export function checkHqAddress(raw: string, rules: HqAddressRules): string {
  const url = parseUrl(raw.trim());
  const wellFormed =
    url !== null &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash;
  if (!url || !wellFormed) {
    throw addressError('sync.hqUrl.invalid', 'The HQ address must be an http(s) URL.');
  }
  if (url.protocol === 'http:' && !rules.allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw addressError(
      'sync.hqUrl.insecure',
      'The HQ address must use https: plain http is allowed only on this computer (loopback) or with the developer setting on.',
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function addressError(code: HqAddressProblem, message: string): AppError {
  return new AppError({ code: 'validation', message, fieldErrors: [{ path: 'hqUrl', code }] });
}
