import ButtonBase from '@mui/material/ButtonBase';
import Box from '@mui/material/Box';
import type { BoardBed } from '../../../db/repositories/elderlyCare/board';
import { useT } from '../../../i18n/useT';
import { bedStatusLabel } from '../labels';
import { statusColors } from './statusColors';

/**
 * One bed on the board: a real button (Tab reaches it, Enter or Space opens it) whose
 * accessible name says room, bed, status and who is in it.
 */
export function BedTile(props: { entry: BoardBed; roomNumber: string; onOpen: () => void }) {
  const { t } = useT();
  const { bed, status, resident } = props.entry;
  const colors = statusColors[status];
  const statusText = bedStatusLabel(t, status);
  const nursing = bed.bedType === 'nursing';
  // Under repair, the tile says why (the third line, and in full on hover).
  const repair = status === 'maintenance' ? bed.maintenanceReason : '';
  return (
    <ButtonBase
      focusRipple
      onClick={props.onOpen}
      data-testid={`bed-${props.roomNumber}-${bed.number}`}
      data-status={status}
      title={repair || undefined}
      aria-label={[
        t('elderly.roomN', { room: props.roomNumber }),
        t('elderly.bedN', { bed: bed.number }),
        statusText,
        resident?.personName ?? '',
        repair,
      ]
        .filter(Boolean)
        .join(' ')}
      sx={{
        width: 108,
        height: 66,
        flexDirection: 'column',
        alignItems: 'stretch',
        justifyContent: 'space-between',
        textAlign: 'left',
        px: 1,
        py: 0.5,
        borderRadius: 1,
        bgcolor: colors.fill,
        color: colors.text,
        border: `1px solid ${colors.edge}`,
        borderLeft: `5px solid ${colors.edge}`,
        borderStyle: status === 'retired' ? 'dashed' : 'solid',
        '&:hover': { filter: 'brightness(0.96)' },
        '&.Mui-focusVisible': { outline: '3px solid #1d4e89', outlineOffset: 2 },
      }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, fontWeight: 600 }}>
        <span>{t('elderly.bedN', { bed: bed.number })}</span>
        {nursing && (
          <Box
            component="span"
            title={t('elderly.bedType.nursing')}
            sx={{ px: 0.5, borderRadius: 0.5, bgcolor: colors.edge, color: '#fff', fontSize: 11 }}
          >
            {t('elderly.nursingMark')}
          </Box>
        )}
      </Box>
      <Box
        sx={{
          fontSize: 15,
          fontWeight: resident ? 600 : 400,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          textDecoration: status === 'retired' ? 'line-through' : 'none',
        }}
      >
        {resident?.personName ?? statusText}
      </Box>
      <Box
        sx={{
          fontSize: 11,
          opacity: resident || repair ? 1 : 0,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
        data-testid={repair ? 'tile-repair' : undefined}
      >
        {repair || statusText}
      </Box>
    </ButtonBase>
  );
}
