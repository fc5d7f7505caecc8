/** Records (or ops) a second, from a count and the milliseconds it took. */
export const perSec = (n: number, ms: number) => Math.round((n / Math.max(ms, 1)) * 1000);
