/** The elderly-care screens' routes (养老床位, 居家养老). */
export type ElderlyCareRoute = { name: 'beds' };

export const elderlyCareRouteNames: readonly ElderlyCareRoute['name'][] = ['beds'];
