export const authZh = {
  'auth.title': 'auth',
} as const;
