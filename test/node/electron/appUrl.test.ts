import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, contentTypeFor, isAppUrl, resolveAppUrl } from '../../../electron/appUrl';

const root = path.resolve('/srv/desk/dist/renderer');

describe('resolveAppUrl', () => {
  it('maps the root and nested assets into the renderer folder', () => {
    expect(resolveAppUrl('app://desk/', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppUrl(APP_ENTRY_URL, root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
    expect(resolveAppUrl('app://desk/assets/index-abc.js?v=1#x', root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('decodes percent-encoded names (Chinese file names)', () => {
    const url = `app://desk/assets/${encodeURIComponent('图标.svg')}`;
    expect(resolveAppUrl(url, root)).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', '图标.svg'),
      contentType: 'image/svg+xml',
    });
  });

  it.each([
    'app://desk/../../etc/passwd',
    'app://desk/%2e%2e/%2e%2e/etc/passwd',
    'app://desk/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://desk/..%5C..%5Cwindows%5Cwin.ini',
    'app://desk/%2E%2E%2Fsecret.txt',
  ])('never leaves the renderer folder: %s', (url) => {
    const result = resolveAppUrl(url, root);
    if (result.ok) {
      // WHATWG URL parsing may already have collapsed the dots: then it must stay inside.
      expect(result.filePath.startsWith(root + path.sep)).toBe(true);
    } else {
      expect(result.status).toBe(403);
    }
  });

  it('refuses encoded traversal that only appears after decoding', () => {
    expect(resolveAppUrl('app://desk/assets/..%2F..%2F..%2Fetc%2Fpasswd', root)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it.each([
    'app://evil/index.html',
    'app://desk.evil/index.html',
    'app://desk:8080/index.html',
    'https://desk/index.html',
    'file:///etc/passwd',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(resolveAppUrl(url, root)).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses malformed URLs, encodings and NUL bytes', () => {
    expect(resolveAppUrl('not a url', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppUrl('app://desk/%E0%A4%A', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppUrl('app://desk/index.html%00.png', root)).toMatchObject({
      ok: false,
      status: 400,
    });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['LICENSE', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('isAppUrl', () => {
  it('accepts only app://desk', () => {
    expect(isAppUrl('app://desk/index.html#/households')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('::')).toBe(false);
  });
});
