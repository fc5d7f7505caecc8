/** The desk store's IndexedDB name (one store per desk profile). */
export const defaultDatabaseName = 'minzheng-desk';
