import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { memo, useCallback, useMemo, type ChangeEvent } from 'react';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import type { UrbanRural } from '@shared/domain/common';
import { relations } from '@shared/domain/household';
import { disabilityTypes, workCapacities } from '@shared/domain/person';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
import { MemoTextField } from '../../ui/MemoTextField';
import { useStableHandlers } from '../../ui/useStableHandlers';
import {
  disabilityGradeLabel,
  disabilityTypeLabel,
  hukouLabel,
  relationLabel,
  workCapacityLabel,
} from '../common/labels';
import {
  checkMemberId,
  memberHukou,
  withIdNumber,
  type IdCheck,
  type MemberDraft,
} from './householdForm';
import { IdDerivedFields } from '../common/IdDerivedFields';
import { MemberIdField } from './MemberIdField';
import { ReadCardButton } from './ReadCardButton';

/** A number that is not a resident ID has no checksum, birth date or sex to read. */
const plainCheck: IdCheck = {
  result: { ok: false, error: { path: 'idNumber', code: 'field.invalid' } },
  normalized: null,
};

/** As the household's select: most townships' households are rural. */
const hukouOrder: readonly UrbanRural[] = ['rural', 'urban'];

/** The options of a select, each value with its label. */
const menuItems = <T extends string | number>(values: readonly T[], label: (v: T) => string) =>
  values.map((v) => (
    <MenuItem key={v} value={v}>
      {label(v)}
    </MenuItem>
  ));

type FieldEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement>;

/** The member fields a plain input or select sets, each read from its change event. */
const fromEvent = {
  name: (e: FieldEvent) => ({ name: e.target.value }),
  idNumber: (e: FieldEvent) => ({ idNumber: e.target.value }),
  relation: (e: FieldEvent) => ({ relation: e.target.value as MemberDraft['relation'] }),
  hukouType: (e: FieldEvent) => ({ hukouType: e.target.value as UrbanRural }),
  hukouAddress: (e: FieldEvent) => ({ hukouAddress: e.target.value }),
  currentAddress: (e: FieldEvent) => ({ currentAddress: e.target.value }),
  disabilityGrade: (e: FieldEvent) => ({ disabilityGrade: Number(e.target.value) }),
  disabilityType: (e: FieldEvent) => ({
    disabilityType: e.target.value as MemberDraft['disabilityType'],
  }),
  disabilityCertNo: (e: FieldEvent) => ({ disabilityCertNo: e.target.value }),
  workCapacity: (e: FieldEvent) => ({
    workCapacity: e.target.value as MemberDraft['workCapacity'],
  }),
  seriousIllness: (e: FieldEvent) => ({ seriousIllness: (e.target as HTMLInputElement).checked }),
  student: (e: FieldEvent) => ({ student: (e.target as HTMLInputElement).checked }),
} satisfies Record<string, (e: FieldEvent) => Partial<MemberDraft>>;

type EventField = keyof typeof fromEvent;

/**
 * One member row of the household form. Row 0 is the head (relation fixed to 本人).
 * Memoized, as are its fields (MemoTextField): typing in one row renders that row's
 * changed fields only, so long as the parent passes stable handlers (useStableHandlers).
 */
export const MemberFields = memo(function MemberFields(props: {
  index: number;
  member: MemberDraft;
  today: string;
  /** The household's 户籍类型, which the member has until another is chosen. */
  householdHukou: UrbanRural;
  errorFor: (path: string) => string | undefined;
  onChange: (change: (m: MemberDraft) => MemberDraft) => void;
  onRemove?: () => void;
  /** The row's heading; "成员 n" (· 户主 on row 0) unless given. */
  title?: string;
  /** A person's own correction: no relation to choose, no head row. */
  hideRelation?: boolean;
  /** The person being corrected, whose own ID number is not a duplicate. */
  personId?: string;
  /** Not a resident ID (a permit, a foreign card): the number is not checked as one. */
  plainId?: boolean;
  /** Receives the name field, so a new row can take the focus. */
  nameRef?: (input: HTMLInputElement | null) => void;
}) {
  const { t } = useT();
  const { index, member: m, today } = props;
  const isHead = index === 0 && !props.hideRelation;
  const { errorFor, onChange, plainId } = props;
  const err = useCallback(
    (field: string) => errorFor(`members.${index}.${field}`),
    [errorFor, index],
  );
  const change = useStableHandlers((field: EventField, event: FieldEvent) => {
    const patch = fromEvent[field](event);
    onChange((old) => ({ ...old, ...patch }));
  });
  const derived = useStableHandlers((field: 'sex' | 'birthDate', value: string) =>
    onChange((old) =>
      field === 'sex'
        ? { ...old, sex: value as MemberDraft['sex'], sexFromId: false }
        : { ...old, birthDate: value, birthFromId: false },
    ),
  );
  const typedId = useStableHandlers((_: 'id', value: string) =>
    onChange((old) => withIdNumber(old, value, today)),
  );
  const idNumber = m.idNumber;
  const check = useMemo(
    () => (plainId ? plainCheck : checkMemberId({ idNumber }, today)),
    [plainId, idNumber, today],
  );
  const noDisability = m.disabilityGrade === 0;
  // Select options, made once per language (and, for the type, per "has a disability").
  const options = useMemo(
    () => ({
      relations: relations
        .filter((r) => isHead || r !== 'self')
        .map((r) => (
          <MenuItem key={r} value={r}>
            {relationLabel(t, r)}
          </MenuItem>
        )),
      hukou: menuItems(hukouOrder, (h) => hukouLabel(t, h)),
      grades: menuItems([0, 1, 2, 3, 4], (g) => disabilityGradeLabel(t, g)),
      types: [
        <MenuItem key="" value="">
          {noDisability ? '—' : t('registry.choose')}
        </MenuItem>,
        ...menuItems(disabilityTypes, (d) => disabilityTypeLabel(t, d)),
      ],
      capacities: menuItems(workCapacities, (w) => workCapacityLabel(t, w)),
    }),
    [t, isHead, noDisability],
  );
  // The ID wins (the person kind's derive): a valid ID's sex and birth date are shown
  // and saved, read-only; typed values stand only while there is no valid ID.
  const fromId = check.result.ok ? check.result.value : null;

  // Plain values only, so a MemoTextField whose own value did not change is skipped.
  const field = (name: string) => ({
    size: 'small' as const,
    fullWidth: true,
    error: Boolean(err(name)),
    helperText: err(name) ?? ' ',
    // Named by its error path, so a failed save can link to (and focus) it.
    id: fieldId(`members.${index}.${name}`),
  });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`member-row-${index}`}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle1" sx={{ flexGrow: 1, fontWeight: 600 }}>
          {props.title ?? t('registry.form.memberN', { n: index + 1 })}
          {isHead && !props.title && ` · ${t('registry.form.headRow')}`}
        </Typography>
        {!plainId && <ReadCardButton member={m} today={today} onChange={onChange} />}
        {props.onRemove && (
          <Tooltip title={t('registry.member.remove', { n: index + 1 })}>
            <IconButton
              onClick={props.onRemove}
              aria-label={t('registry.member.remove', { n: index + 1 })}
            >
              <DeleteOutlineIcon />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      <Grid container columnSpacing={2} rowSpacing={1.5}>
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
          <MemoTextField
            {...field('name')}
            label={t('registry.member.name')}
            value={m.name}
            onChange={change('name')}
            {...(props.nameRef ? { inputRef: props.nameRef } : {})}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 8, lg: 4 }}>
          {plainId ? (
            <MemoTextField
              {...field('idNumber')}
              label={t('registry.fix.idNumberOther')}
              value={m.idNumber}
              onChange={change('idNumber')}
            />
          ) : (
            <MemberIdField
              value={m.idNumber}
              check={check}
              saveError={err('idNumber')}
              id={fieldId(`members.${index}.idNumber`)}
              {...(props.personId ? { personId: props.personId } : {})}
              onChange={typedId('id')}
            />
          )}
        </Grid>
        <Grid
          size={{ xs: 12, sm: 6, md: 4, lg: 2 }}
          sx={props.hideRelation ? { display: 'none' } : {}}
        >
          <MemoTextField
            {...field('relation')}
            select
            label={t('registry.member.relation')}
            value={isHead ? 'self' : m.relation}
            disabled={isHead}
            onChange={change('relation')}
          >
            {options.relations}
          </MemoTextField>
        </Grid>
        <IdDerivedFields
          fromId={fromId}
          sex={m.sex}
          birthDate={m.birthDate}
          today={today}
          errorFor={err}
          pathPrefix={`members.${index}.`}
          onSex={derived('sex')}
          onBirthDate={derived('birthDate')}
          size="small"
        />
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
          <MemoTextField
            {...field('hukouType')}
            select
            label={t('registry.member.hukouType')}
            value={memberHukou(m, props.householdHukou)}
            onChange={change('hukouType')}
          >
            {options.hukou}
          </MemoTextField>
        </Grid>
        <Grid size={{ xs: 12, md: 8, lg: 5 }}>
          <MemoTextField
            {...field('hukouAddress')}
            label={t('registry.member.hukouAddress')}
            value={m.hukouAddress}
            onChange={change('hukouAddress')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 8, lg: 5 }}>
          <MemoTextField
            {...field('currentAddress')}
            label={t('registry.member.currentAddress')}
            value={m.currentAddress}
            onChange={change('currentAddress')}
          />
        </Grid>
        <Grid size={{ xs: 6, md: 4, lg: 2 }}>
          <MemoTextField
            {...field('disabilityGrade')}
            select
            label={t('registry.member.disabilityGrade')}
            value={String(m.disabilityGrade)}
            onChange={change('disabilityGrade')}
          >
            {options.grades}
          </MemoTextField>
        </Grid>
        <Grid size={{ xs: 6, md: 4, lg: 2 }}>
          <MemoTextField
            {...field('disabilityType')}
            select
            label={t('registry.member.disabilityType')}
            value={m.disabilityType}
            disabled={noDisability}
            onChange={change('disabilityType')}
          >
            {options.types}
          </MemoTextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
          <MemoTextField
            {...field('disabilityCertNo')}
            label={t('registry.member.disabilityCertNo')}
            value={m.disabilityCertNo}
            disabled={noDisability}
            onChange={change('disabilityCertNo')}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 2 }}>
          <MemoTextField
            {...field('workCapacity')}
            select
            label={t('registry.member.workCapacity')}
            value={m.workCapacity}
            onChange={change('workCapacity')}
          >
            {options.capacities}
          </MemoTextField>
        </Grid>
        <Grid size={{ xs: 12, md: 8, lg: 4 }} sx={{ display: 'flex', alignItems: 'flex-start' }}>
          <FormControlLabel
            control={<Checkbox checked={m.seriousIllness} onChange={change('seriousIllness')} />}
            label={t('registry.member.seriousIllness')}
          />
          <FormControlLabel
            control={<Checkbox checked={m.student} onChange={change('student')} />}
            label={t('registry.member.student')}
          />
        </Grid>
      </Grid>
    </Paper>
  );
});
