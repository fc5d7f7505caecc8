/**
 * Record kinds of 养老: institutions, beds, residents, movements, home-care visits. Spread into kindDefinitions (kinds.ts) so they go through
 * the one write path and sync like every other kind.
 */
export const elderlyCareKinds = {};
