export const registryZh = {
  'registry.title': 'registry',
} as const;
