// Gives Node a real IndexedDB implementation so Dexie runs unmodified in unit tests.
import 'fake-indexeddb/auto';
import { useTestDataKeys } from '../support/testDataKeys';

// Every desk store in the tests is sealed, as in the app (test/support/testDataKeys.ts).
useTestDataKeys();

/** For tests that set another key source: the tests' own again. */
export const restoreTestKeySource = useTestDataKeys;
