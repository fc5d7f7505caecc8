export const casesZh = {
  'cases.title': 'cases',
} as const;
