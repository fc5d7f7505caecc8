/**
 * The little of PouchDB's API the bench uses (the packages ship no types; the bench
 * adds no @types packages for four calls).
 */
interface BenchPouchDatabase {
  bulkDocs(docs: object[]): Promise<unknown[]>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  destroy(): Promise<unknown>;
}

interface BenchPouchStatic {
  new (name: string, options?: object): BenchPouchDatabase;
  plugin(plugin: unknown): BenchPouchStatic;
  defaults(options: object): BenchPouchStatic;
  replicate(
    source: BenchPouchDatabase,
    target: BenchPouchDatabase,
    options?: object,
  ): Promise<{ ok: boolean; docs_read: number; docs_written: number; errors: unknown[] }>;
}

declare module 'pouchdb-core' {
  const PouchDB: BenchPouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-browser' {
  const PouchDB: BenchPouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  function expressPouchDB(
    PouchDB: BenchPouchStatic,
    options: { mode: 'minimumForPouchDB' | 'fullCouchDB'; inMemoryConfig?: boolean },
  ): (request: IncomingMessage, response: ServerResponse) => void;
  export default expressPouchDB;
}
