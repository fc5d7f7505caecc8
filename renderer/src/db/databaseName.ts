/** The desk store's IndexedDB name (one store per desk profile). */
export const deskDatabaseName = 'minzheng-desk';
