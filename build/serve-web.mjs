// Serves the built renderer to a browser (npm run web): the desk without Electron, for
// machines where the Electron binary is missing and for quick demos. Uses Vite's
// preview server with the renderer's own config (host 127.0.0.1, WEB_PORT or 5173).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const indexUrl = new URL('../dist/renderer/index.html', import.meta.url);

/** The CSP as a header too, copied from the built page's meta tag so the two never drift. */
function cspFromIndexHtml(html) {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  // frame-ancestors is ignored in a meta tag; only a header can forbid framing the desk.
  return match ? `${match[1]}; frame-ancestors 'none'` : null;
}

async function serve() {
  const html = await readFile(indexUrl, 'utf8').catch(() => null);
  if (html === null) {
    console.error(
      '未找到 dist/renderer，请先运行 `npm run build:renderer`。 / Run `npm run build:renderer` first.',
    );
    process.exitCode = 1;
    return;
  }
  const csp = cspFromIndexHtml(html);
  if (!csp) {
    console.error(
      'dist/renderer/index.html has no Content-Security-Policy meta tag; refusing to serve.',
    );
    process.exitCode = 1;
    return;
  }

  const server = await preview({
    configFile: fileURLToPath(new URL('../renderer/vite.config.ts', import.meta.url)),
    preview: {
      headers: {
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${process.env.WEB_PORT ?? 5173}/`;
  console.log(`民政工作台（浏览器版）/ Desk in the browser: ${url}`);
  console.log('按 Ctrl+C 停止 / Press Ctrl+C to stop.');
}

await serve();
