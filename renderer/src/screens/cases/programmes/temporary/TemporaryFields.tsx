import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import {
  causesOfKind,
  temporaryKinds,
  type TemporaryKind,
} from '@shared/programmes/temporary/facts';
import { loadRuleBook } from '../../../../db/repositories/reference';
import type { MessageKey } from '../../../../i18n/messages';
import { useT } from '../../../../i18n/useT';
import { useSession } from '../../../../state/session';
import { fieldId } from '../../../../ui/fieldId';
import { MoneyField } from '../../../common/MoneyField';
import type { ProgrammeFieldsProps } from '../../programmeForms';
import { draftOf, type TemporaryDraft } from './temporaryForm';
import { useEarlierHelp } from './useEarlierHelp';
import { DateField } from '../../../common/DateField';

/**
 * 临时救助's own fields: type and cause, the event, the spending (支出型) and the
 * amount proposed, the link to 医疗救助 costs (medical spending), and — when the
 * household was helped within the repeat window — the earlier help and the reason
 * for helping again, before saving.
 */
export function TemporaryFields(props: ProgrammeFieldsProps) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const d = draftOf(props.facts);
  const areaCode = props.household?.household.areaCode ?? '';
  const rules = useLiveQuery(() => loadRuleBook(db), [db]);
  const earlier = useEarlierHelp(props.household?.household.id ?? null, areaCode, props.today);
  const set = (patch: Partial<TemporaryDraft>) => props.onChange(patch);
  const path = (field: string) => `programmeFacts.${field}`;
  // The form's errors clear on save; a text that was required and is now typed stops
  // showing its "required" error at once (the slot gives no per-field clearing).
  const filledNow = new Set<string>(
    (['description', 'repeatReason'] as const).filter((f) => d[f].trim() !== ''),
  );
  const errorOf = (field: keyof TemporaryDraft, errorPath: string) =>
    filledNow.has(field) ? undefined : props.errorFor(errorPath);
  const text = (field: keyof TemporaryDraft, label: MessageKey, errorPath: string) => ({
    id: fieldId(errorPath),
    label: t(label),
    value: d[field],
    error: Boolean(errorOf(field, errorPath)),
    helperText: errorOf(field, errorPath) ?? ' ',
    size: 'small' as const,
    fullWidth: true,
    onChange: (e: { target: { value: string } }) => set({ [field]: e.target.value }),
  });
  const limitFen = rules?.value('temporary.townshipLimitFen', props.today, areaCode || null);
  const showRepeat =
    earlier !== null || d.repeatReason !== '' || props.errorFor(path('repeatReason'));

  return (
    <Stack spacing={1.5} data-testid="temporary-fields">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('temporary.section')}
      </Typography>
      <Stack direction="row" spacing={2}>
        <TextField
          select
          {...text('kind', 'temporary.kind', path('kind'))}
          onChange={(e) => {
            const kind = e.target.value as TemporaryKind;
            set({ kind, cause: causesOfKind[kind][0] ?? '' });
          }}
          slotProps={{ htmlInput: { 'data-testid': 'temporary-kind' } }}
        >
          {temporaryKinds.map((k) => (
            <MenuItem key={k} value={k} data-testid={`temporary-kind-${k}`}>
              {t(`temporary.kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          {...text('cause', 'temporary.cause', path('cause'))}
          slotProps={{ htmlInput: { 'data-testid': 'temporary-cause' } }}
        >
          {causesOfKind[d.kind].map((c) => (
            <MenuItem key={c} value={c} data-testid={`temporary-cause-${c}`}>
              {t(`temporary.cause.${c}` as MessageKey)}
            </MenuItem>
          ))}
        </TextField>
        <DateField
          label={t('temporary.eventDate')}
          value={d.eventDate}
          onChange={(eventDate) => set({ eventDate })}
          path={path('eventDate')}
          error={errorOf('eventDate', path('eventDate'))}
          size="small"
          fullWidth
        />
      </Stack>
      <TextField
        multiline
        minRows={2}
        {...text('description', 'temporary.description', path('description'))}
      />
      <Stack direction="row" spacing={2}>
        {d.kind === 'expenditure' && (
          <MoneyField
            label={t('temporary.spending')}
            value={d.spending}
            onChange={(spending) => set({ spending })}
            path={path('spendingFen')}
            error={props.errorFor(path('spendingFen'))}
          />
        )}
        <MoneyField
          label={t('temporary.proposed')}
          value={d.proposed}
          onChange={(proposed) => set({ proposed })}
          path={path('proposedFen')}
          error={props.errorFor(path('proposedFen'))}
          testId="temporary-proposed"
        />
      </Stack>
      {limitFen !== undefined && (
        <Typography variant="body2" color="text.secondary" data-testid="temporary-limit">
          {t('temporary.townshipLimitLine', { limit: formatFen(limitFen) })}
        </Typography>
      )}
      {d.kind === 'expenditure' && d.cause === 'medical' && (
        <Stack direction="row" spacing={2}>
          <MoneyField
            label={t('temporary.medicalCost')}
            value={d.medicalCost}
            onChange={(medicalCost) => set({ medicalCost })}
            path={path('medicalCostFen')}
            error={props.errorFor(path('medicalCostFen'))}
          />
          <TextField
            {...text('medicalReference', 'temporary.medicalReference', path('medicalReference'))}
          />
        </Stack>
      )}
      {earlier && (
        <Alert severity="warning" data-testid="temporary-repeat">
          {t('temporary.repeatWarning', {
            helpedOn: earlier.helpedOn,
            windowEnd: earlier.windowEnd,
          })}
        </Alert>
      )}
      {showRepeat && (
        <TextField {...text('repeatReason', 'temporary.repeatReason', path('repeatReason'))} />
      )}
    </Stack>
  );
}
