import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  abilityLevels,
  assessmentReasons,
  type AbilityLevel,
  type AssessmentReason,
} from '@shared/domain/elderlyCare/enums';
import { addAssessment } from '../../../db/repositories/elderlyCare/residents';
import { useT } from '../../../i18n/useT';
import { useSession, writeContext } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { DateField } from '../../common/DateField';
import { assessReasonLabel, levelLabel } from '../labels';
import { SaveCancelActions } from '../../common/SaveCancelActions';

/** A (re-)assessment of ability; earlier assessments stay as they were. */
export function AssessmentDialog(props: {
  residentId: string;
  first: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const errors = useFieldErrors();
  const [date, setDate] = useState(todayDate());
  const [assessor, setAssessor] = useState('');
  const [level, setLevel] = useState<AbilityLevel>('intact');
  const [reason, setReason] = useState<AssessmentReason>(
    props.first ? 'admission' : 'condition_change',
  );
  const [note, setNote] = useState('');

  async function save() {
    errors.clear();
    try {
      await addAssessment(db, writeContext(), {
        residentId: props.residentId,
        date,
        assessor,
        level,
        reason,
        note,
      });
      props.onClose();
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  const help = (path: string) => ({
    error: Boolean(errors.errorFor(path)),
    helperText: errors.errorFor(path) ?? ' ',
  });
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('elderly.resident.reassess')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1} sx={{ pt: 1 }}>
          <DateField
            fullWidth
            label={t('elderly.field.date')}
            value={date}
            onChange={setDate}
            path="date"
            errors={errors}
          />
          <TextField
            label={t('elderly.field.assessor')}
            value={assessor}
            onChange={(e) => setAssessor(e.target.value)}
            {...help('assessor')}
          />
          <TextField
            select
            label={t('elderly.field.level')}
            value={level}
            onChange={(e) => setLevel(e.target.value as AbilityLevel)}
            {...help('level')}
          >
            {abilityLevels.map((l) => (
              <MenuItem key={l} value={l}>
                {levelLabel(t, l)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('elderly.field.assessReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value as AssessmentReason)}
            {...help('reason')}
          >
            {assessmentReasons.map((r) => (
              <MenuItem key={r} value={r}>
                {assessReasonLabel(t, r)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('elderly.field.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            {...help('note')}
          />
          <ErrorSummary error={errors.error} summary={errors.summary} />
        </Stack>
      </DialogContent>
      <SaveCancelActions onCancel={props.onClose} onSave={() => void save()} />
    </Dialog>
  );
}
