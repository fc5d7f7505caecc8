// The entry, kept to the store's early open and nothing else (db/warmStore.ts). The app
// is a chunk of its own, fetched and run after: the browser begins opening the store only
// once the page's main thread has taken its answer to the open's first step, and the
// app's script, run in the same task, held the main thread ~120 ms before it could
// (the cold start's trace: the open asked for at 148 ms, begun by the browser at 233 ms).
import './db/warmStore';
import { showStartFailure } from './startFailure';

import('./appRoot').catch(showStartFailure);
