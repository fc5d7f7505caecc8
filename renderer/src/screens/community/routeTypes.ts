/** The community-service screens' routes (社区服务, 志愿服务). */
export type CommunityRoute =
  | { name: 'services' }
  | { name: 'serviceNew' }
  | { name: 'service'; id: string }
  | { name: 'volunteers' }
  | { name: 'volunteer'; id: string }
  | { name: 'volunteerService'; id: string }
  | { name: 'activities' }
  | { name: 'certificateNew'; volunteerId: string }
  | { name: 'certificate'; id: string };

export const communityRouteNames: readonly CommunityRoute['name'][] = [
  'services',
  'serviceNew',
  'service',
  'volunteers',
  'volunteer',
  'volunteerService',
  'activities',
  'certificateNew',
  'certificate',
];
