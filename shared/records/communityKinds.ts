/**
 * Record kinds of 社区服务 and 志愿服务: service records, volunteers, activities, hours. Spread into kindDefinitions (kinds.ts) so they go through
 * the one write path and sync like every other kind.
 */
export const communityKinds = {};
