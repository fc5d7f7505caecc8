import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import MenuItem from '@mui/material/MenuItem';
import type { UrbanRural } from '@shared/domain/common';
import { relations } from '@shared/domain/household';
import { disabilityTypes, workCapacities } from '@shared/domain/person';
import { useT } from '../../i18n/useT';
import { fieldId } from '../../ui/fieldId';
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

/** One member row of the household form. Row 0 is the head (relation fixed to 本人). */
export function MemberFields(props: {
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
  const err = (field: string) => props.errorFor(`members.${index}.${field}`);
  const set = (patch: Partial<MemberDraft>) => props.onChange((old) => ({ ...old, ...patch }));
  const check = props.plainId ? plainCheck : checkMemberId(m, today);
  // The ID wins (the person kind's derive): a valid ID's sex and birth date are shown
  // and saved, read-only; typed values stand only while there is no valid ID.
  const fromId = check.result.ok ? check.result.value : null;

  const field = (name: string, extra: TextFieldProps = {}): TextFieldProps => ({
    size: 'small',
    fullWidth: true,
    error: Boolean(err(name)),
    helperText: err(name) ?? ' ',
    // Named by its error path, so a failed save can link to (and focus) it.
    id: fieldId(`members.${index}.${name}`),
    ...extra,
  });

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={`member-row-${index}`}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="subtitle1" sx={{ flexGrow: 1, fontWeight: 600 }}>
          {props.title ?? t('registry.form.memberN', { n: index + 1 })}
          {isHead && !props.title && ` · ${t('registry.form.headRow')}`}
        </Typography>
        {!props.plainId && <ReadCardButton member={m} today={today} onChange={props.onChange} />}
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
        <Grid size={{ xs: 12, md: 2 }}>
          <TextField
            {...field('name')}
            label={t('registry.member.name')}
            value={m.name}
            onChange={(e) => set({ name: e.target.value })}
            {...(props.nameRef ? { inputRef: props.nameRef } : {})}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          {props.plainId ? (
            <TextField
              {...field('idNumber')}
              label={t('registry.fix.idNumberOther')}
              value={m.idNumber}
              onChange={(e) => set({ idNumber: e.target.value })}
            />
          ) : (
            <MemberIdField
              value={m.idNumber}
              check={check}
              saveError={err('idNumber')}
              id={fieldId(`members.${index}.idNumber`)}
              {...(props.personId ? { personId: props.personId } : {})}
              onChange={(value) => props.onChange((old) => withIdNumber(old, value, today))}
            />
          )}
        </Grid>
        <Grid size={{ xs: 12, md: 2 }} sx={props.hideRelation ? { display: 'none' } : {}}>
          <TextField
            {...field('relation')}
            select
            label={t('registry.member.relation')}
            value={isHead ? 'self' : m.relation}
            disabled={isHead}
            onChange={(e) => set({ relation: e.target.value as MemberDraft['relation'] })}
          >
            {relations
              .filter((r) => isHead || r !== 'self')
              .map((r) => (
                <MenuItem key={r} value={r}>
                  {relationLabel(t, r)}
                </MenuItem>
              ))}
          </TextField>
        </Grid>
        <IdDerivedFields
          fromId={fromId}
          sex={m.sex}
          birthDate={m.birthDate}
          today={today}
          errorFor={err}
          pathPrefix={`members.${index}.`}
          onSex={(sex) => set({ sex, sexFromId: false })}
          onBirthDate={(birthDate) => set({ birthDate, birthFromId: false })}
          size="small"
        />
        <Grid size={{ xs: 12, md: 2 }}>
          <TextField
            {...field('hukouType')}
            select
            label={t('registry.member.hukouType')}
            value={memberHukou(m, props.householdHukou)}
            onChange={(e) => set({ hukouType: e.target.value as UrbanRural })}
          >
            {menuItems(hukouOrder, (h) => hukouLabel(t, h))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <TextField
            {...field('hukouAddress')}
            label={t('registry.member.hukouAddress')}
            value={m.hukouAddress}
            onChange={(e) => set({ hukouAddress: e.target.value })}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <TextField
            {...field('currentAddress')}
            label={t('registry.member.currentAddress')}
            value={m.currentAddress}
            onChange={(e) => set({ currentAddress: e.target.value })}
          />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <TextField
            {...field('disabilityGrade')}
            select
            label={t('registry.member.disabilityGrade')}
            value={String(m.disabilityGrade)}
            onChange={(e) => set({ disabilityGrade: Number(e.target.value) })}
          >
            {menuItems([0, 1, 2, 3, 4], (g) => disabilityGradeLabel(t, g))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <TextField
            {...field('disabilityType')}
            select
            label={t('registry.member.disabilityType')}
            value={m.disabilityType}
            disabled={m.disabilityGrade === 0}
            onChange={(e) =>
              set({ disabilityType: e.target.value as MemberDraft['disabilityType'] })
            }
          >
            <MenuItem value="">{m.disabilityGrade === 0 ? '—' : t('registry.choose')}</MenuItem>
            {menuItems(disabilityTypes, (d) => disabilityTypeLabel(t, d))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 2 }}>
          <TextField
            {...field('disabilityCertNo')}
            label={t('registry.member.disabilityCertNo')}
            value={m.disabilityCertNo}
            disabled={m.disabilityGrade === 0}
            onChange={(e) => set({ disabilityCertNo: e.target.value })}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 2 }}>
          <TextField
            {...field('workCapacity')}
            select
            label={t('registry.member.workCapacity')}
            value={m.workCapacity}
            onChange={(e) => set({ workCapacity: e.target.value as MemberDraft['workCapacity'] })}
          >
            {menuItems(workCapacities, (w) => workCapacityLabel(t, w))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, md: 4 }} sx={{ display: 'flex', alignItems: 'flex-start' }}>
          <FormControlLabel
            control={
              <Checkbox
                checked={m.seriousIllness}
                onChange={(e) => set({ seriousIllness: e.target.checked })}
              />
            }
            label={t('registry.member.seriousIllness')}
          />
          <FormControlLabel
            control={
              <Checkbox checked={m.student} onChange={(e) => set({ student: e.target.checked })} />
            }
            label={t('registry.member.student')}
          />
        </Grid>
      </Grid>
    </Paper>
  );
}
