// Gives Node a real IndexedDB implementation so Dexie runs unmodified in unit tests.
import 'fake-indexeddb/auto';
