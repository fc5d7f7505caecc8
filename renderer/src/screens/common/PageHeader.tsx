import type { ReactNode } from 'react';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useT } from '../../i18n/useT';

/** Title row of a screen: optional back button, the title, actions on the right. */
export function PageHeader(props: { title: ReactNode; onBack?: () => void; actions?: ReactNode }) {
  const { t } = useT();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 48 }}>
      {props.onBack && (
        <Tooltip title={t('common.back')}>
          <IconButton onClick={props.onBack} aria-label={t('common.back')}>
            <ArrowBackIcon />
          </IconButton>
        </Tooltip>
      )}
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1, fontWeight: 600 }}>
        {props.title}
      </Typography>
      {props.actions && (
        <Stack direction="row" spacing={1}>
          {props.actions}
        </Stack>
      )}
    </Stack>
  );
}
