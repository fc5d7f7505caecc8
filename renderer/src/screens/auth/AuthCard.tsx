import { Box, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import { LanguageSwitch } from '../../ui/LanguageSwitch';

/** The centred card shared by first run, login and lock: one layout, one place to change. */
export function AuthCard({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        py: 4,
        px: 2,
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 12 }}>
        <LanguageSwitch color="primary" />
      </Box>
      <Typography variant="h5" color="primary" sx={{ mb: 2, letterSpacing: 2 }}>
        {t('app.name')}
      </Typography>
      <Paper
        sx={{ width: '100%', maxWidth: width, p: 4, borderTop: 4, borderTopColor: 'primary.main' }}
      >
        <Typography variant="h6" component="h1" id="auth-title" gutterBottom>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {subtitle}
          </Typography>
        )}
        {children}
      </Paper>
    </Box>
  );
}
