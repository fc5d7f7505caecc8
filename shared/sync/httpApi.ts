/**
 * HQ's HTTP routes. Every body is JSON; every error is the one AppErrorData shape
 * with a 4xx/5xx status. Sync routes need `Authorization: Bearer <device token>`
 * (the token from enrollment, which starts with the device id).
 */
export const hqRoutes = {
  health: '/health',
  enroll: '/v1/enroll',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
} as const;

export type HqRoute = (typeof hqRoutes)[keyof typeof hqRoutes];

/** Largest request body HQ reads (a full push batch fits with room to spare). */
export const maxRequestBytes = 4 * 1024 * 1024;
