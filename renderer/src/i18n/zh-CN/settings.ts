export const settingsZh = {
  'settings.title': 'settings',
} as const;
