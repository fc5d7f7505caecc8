import type { SchemaVersion } from '../schema';

/** Tables of the elderlyCare record kinds, by kind (merged into tableOfKind). */
export const elderlyCareTables = {} as const;

/** Schema version 4: the elderlyCare tables. Never edited once shipped. */
export const elderlyCareSchemaVersion: SchemaVersion = {
  version: 4,
  stores: {},
};
