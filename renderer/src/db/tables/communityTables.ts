import type { SchemaVersion } from '../schema';

/** Tables of the community record kinds, by kind (merged into tableOfKind). */
export const communityTables = {} as const;

/** Schema version 5: the community tables. Never edited once shipped. */
export const communitySchemaVersion: SchemaVersion = {
  version: 5,
  stores: {},
};
