import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { relations, type Relation } from '@shared/domain/household';
import { maskIdNumber } from '@shared/identity/residentId';
import { useT } from '../../i18n/useT';
import { relationLabel } from '../common/labels';
import type { ExistingRow } from './householdCorrectionForm';

/**
 * A registered person on the household correction form: their relation to the head
 * (本人 for the head), made head, leaving or joining. The old head, once another is
 * made head, chooses their relation to the new one here.
 */
export function CorrectionMemberRow(props: {
  index: number;
  row: ExistingRow;
  wasHead: boolean;
  error: string | undefined;
  onRelation: (relation: Relation) => void;
  onMakeHead: () => void;
  onLeave: (leaving: boolean) => void;
}) {
  const { t } = useT();
  const { row } = props;
  const isHead = row.relation === 'self';
  const label =
    props.wasHead && !isHead
      ? t('registry.fix.oldHeadRelation', { name: row.name })
      : t('registry.member.relation');
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, opacity: row.leaving ? 0.6 : 1 }}
      data-testid={`correction-row-${props.index}`}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography sx={{ minWidth: 60, fontWeight: 600 }}>
          {t('registry.fix.memberPlace', { n: props.index + 1 })}
        </Typography>
        <Typography sx={{ minWidth: 80 }}>{row.name}</Typography>
        <Typography sx={{ fontFamily: 'monospace', minWidth: 170 }}>
          {maskIdNumber(row.idNumber)}
        </Typography>
        {isHead ? (
          <Chip color="primary" label={t('registry.fix.head')} />
        ) : (
          <TextField
            select
            size="small"
            sx={{ minWidth: props.wasHead ? 300 : 180 }}
            label={label}
            value={row.relation}
            disabled={row.leaving}
            error={Boolean(props.error)}
            helperText={props.error}
            onChange={(e) => props.onRelation(e.target.value as Relation)}
          >
            <MenuItem value="" disabled>
              {t('registry.choose')}
            </MenuItem>
            {relations
              .filter((r) => r !== 'self')
              .map((r) => (
                <MenuItem key={r} value={r}>
                  {relationLabel(t, r)}
                </MenuItem>
              ))}
          </TextField>
        )}
        {!row.wasMember && <Chip size="small" color="success" label={t('registry.fix.joining')} />}
        {row.leaving && <Chip size="small" color="warning" label={t('registry.fix.leaving')} />}
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          {!isHead && !row.leaving && (
            <Button size="small" onClick={props.onMakeHead}>
              {t('registry.fix.setHead')}
            </Button>
          )}
          {!isHead && (
            <Tooltip title={row.leaving ? '' : t('registry.fix.leaveHint')}>
              <Button
                size="small"
                color={row.leaving ? 'primary' : 'warning'}
                onClick={() => props.onLeave(!row.leaving)}
              >
                {row.leaving ? t('registry.fix.undoLeave') : t('registry.fix.leave')}
              </Button>
            </Tooltip>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
