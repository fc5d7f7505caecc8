/**
 * Serves the built renderer (dist/renderer) on app://desk/ (runs in main). The URL →
 * file decision is in appUrl.ts; this file only reads the file and sets headers.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, resolveAppUrl } from './appUrl';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Must run before the app is ready: Chromium fixes scheme privileges at startup.
 * standard → real origin and relative URLs; secure → treated like https (IndexedDB,
 * crypto.subtle); supportFetchAPI → fetch('./x.json') works like on the web build.
 * corsEnabled stays unset on purpose: it would let other origins read app:// responses,
 * and our own same-origin module scripts do not need it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function refuse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders });
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppUrl(request.url, rendererDir);
    if (!resolved.ok) return refuse(resolved.status);
    let body: Buffer;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return refuse(404);
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': resolved.contentType },
    });
  });
}
