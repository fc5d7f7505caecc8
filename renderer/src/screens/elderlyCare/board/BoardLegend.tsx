import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { bedStatuses, type BedStatus } from '@shared/domain/elderlyCare/enums';
import { useT } from '../../../i18n/useT';
import { bedStatusLabel } from '../labels';
import { statusColors } from './statusColors';

/** The colour key of the board, with how many beds are in each status. */
export function BoardLegend(props: { counts: Record<BedStatus, number> }) {
  const { t } = useT();
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      data-testid="board-legend"
    >
      {bedStatuses.map((status) => (
        <Stack key={status} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
          <Box
            sx={{
              width: 14,
              height: 14,
              borderRadius: 0.5,
              bgcolor: statusColors[status].fill,
              border: `2px solid ${statusColors[status].edge}`,
            }}
          />
          <Box component="span" sx={{ fontSize: 14 }} data-testid={`count-${status}`}>
            {bedStatusLabel(t, status)} {props.counts[status]}
          </Box>
        </Stack>
      ))}
    </Stack>
  );
}
