/** The community-service screens' routes (社区服务, 志愿服务). */
export type CommunityRoute = { name: 'services' };

export const communityRouteNames: readonly CommunityRoute['name'][] = ['services'];
