import { Box, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One titled block of the settings page; `action` sits at the right of the title. */
export function SettingsSection({
  title,
  intro,
  action,
  children,
}: {
  title: string;
  intro?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: intro ? 0.5 : 2 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {intro && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {intro}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

/** Form fields in even columns that wrap on narrow windows. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
        gap: 2,
        alignItems: 'start',
      }}
    >
      {children}
    </Box>
  );
}

/** Whole numbers typed with a Chinese IME may arrive as full-width digits (１２). */
export function parseWholeNumber(text: string): number {
  const half = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // NaN makes the schema report 格式不正确 next to the field instead of saving a guess.
  return /^-?\d+$/.test(half) ? Number(half) : Number.NaN;
}
