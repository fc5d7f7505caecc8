import { Chip, Stack, Typography } from '@mui/material';
import type { FieldError } from '@shared/errors/appError';
import { useI18n } from '../../i18n/i18n';
import { daysSince, silentAfterDays, type DeskView, type RefusedOp } from '../../officesApi';

export const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('zh-CN', {
        hour12: false,
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '—';

/** The latest contact among desks in use (null: none ever). */
export function latestContact(desks: DeskView[]): string | null {
  return desks
    .filter((d) => !d.revoked)
    .map((d) => d.lastContactAt)
    .reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);
}

/** A last contact, flagged when it is long ago or never was. */
export function LastContact(props: {
  at: string | null;
  via?: DeskView['lastContactVia'];
  now: string;
}) {
  const { t } = useI18n();
  const days = daysSince(props.at, props.now);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {props.at && (
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {when(props.at)}
          {props.via ? `（${t(`offices.via.${props.via}`)}）` : ''}
        </Typography>
      )}
      {(days === null || days >= silentAfterDays) && (
        <Chip
          size="small"
          color="warning"
          label={days === null ? t('offices.never') : t('offices.silent', { days })}
        />
      )}
    </Stack>
  );
}

/** A refused op's reason in words: its field codes if the console knows them, else its code's. */
export function useRefusalWords() {
  const { t, wordFor } = useI18n();
  return (refusal: RefusedOp) => {
    const known = refusal.fieldErrors
      .map((f: FieldError) => wordFor('', f.code))
      .filter((word, i) => word !== refusal.fieldErrors[i]?.code);
    if (known.length > 0) return known.join('；');
    const general = wordFor('offices.reason.', refusal.code);
    return general === refusal.code ? t('error.internal') : general;
  };
}
