import { Box, LinearProgress, Typography } from '@mui/material';
import { useT } from '../../i18n/useT';
import type { PackageProgress } from '../../sync/packages/packageTypes';
import { phaseText } from './packageText';

/** A long export or import: the phase in words, and a bar that fills when the phase counts. */
export function PackageProgressBar(props: { progress: PackageProgress | null; label: string }) {
  const { t } = useT();
  const { progress } = props;
  const counted = progress !== null && progress.total > 0;
  return (
    <Box role="status" data-testid="package-progress">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
        {progress ? phaseText(t, progress) : props.label}
      </Typography>
      <LinearProgress
        variant={counted ? 'determinate' : 'indeterminate'}
        value={counted ? Math.min(100, (progress.done / progress.total) * 100) : undefined}
        aria-label={props.label}
      />
    </Box>
  );
}
