// Types for electronBinary.mjs, so TypeScript files (vitest.electron.config.ts) can import it.
export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary;
