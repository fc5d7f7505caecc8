import { createServer } from 'node:http';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import type { GeneratedRecord } from './generator';

/**
 * The peer an office would pick instead of our HQ: a PouchDB server (express-pouchdb,
 * its CouchDB-style HTTP API in "minimumForPouchDB" mode) over PouchDB's in-memory
 * adapter, on 127.0.0.1 in the bench process, with CORS for the bench page's origin.
 * It holds the generated office as documents (one per record, `_id` = the record id).
 */
export interface PouchServer {
  /** The database's URL, as a browser PouchDB takes it for replicate(). */
  dbUrl: string;
  docs: number;
  loadMs: number;
  close: () => Promise<void>;
}

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' });

export async function startPouchServer(
  records: GeneratedRecord[],
  allowedOrigin: string,
): Promise<PouchServer> {
  const name = `office-${Date.now()}`;
  const db = new MemoryPouch(name);
  const t0 = performance.now();
  for (let i = 0; i < records.length; i += 5_000) {
    await db.bulkDocs(
      records.slice(i, i + 5_000).map(({ kind, record }) => ({ ...record, _id: record.id, kind })),
    );
  }
  const loadMs = Math.round(performance.now() - t0);
  const { doc_count: docs } = await db.info();

  const app = expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const server = createServer((request, response) => {
    // PouchDB's HTTP adapter sends credentials: the exact origin, not '*'.
    if (request.headers.origin === allowedOrigin) {
      response.setHeader('access-control-allow-origin', allowedOrigin);
      response.setHeader('access-control-allow-credentials', 'true');
      response.setHeader('vary', 'origin');
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
          'access-control-allow-headers':
            request.headers['access-control-request-headers'] ?? 'accept, content-type',
          'access-control-max-age': '600',
        });
        response.end();
        return;
      }
    }
    app(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    dbUrl: `http://127.0.0.1:${port}/${name}`,
    docs,
    loadMs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
