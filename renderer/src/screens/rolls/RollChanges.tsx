import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import type { RollChange } from '@shared/rolls/rollRecord';
import { useT } from '../../i18n/useT';

/** The month's changes listed apart: 新增, 停发, 调整 (old → new amount). */
export function RollChanges(props: { changes: readonly RollChange[] }) {
  const { t } = useT();
  return (
    <Stack spacing={0.5} data-testid="roll-changes">
      <Typography variant="subtitle1">{t('rolls.changes.title')}</Typography>
      {props.changes.length === 0 && (
        <Typography variant="body2">{t('rolls.changes.none')}</Typography>
      )}
      {props.changes.map((c) => (
        <Typography key={`${c.kind}-${c.caseId}`} variant="body2">
          {t(`rolls.change.${c.kind}`)} · {c.headName} · {formatFen(c.fromFen)} →{' '}
          {formatFen(c.toFen)}
        </Typography>
      ))}
    </Stack>
  );
}
