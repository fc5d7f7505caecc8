import { useLiveQuery } from 'dexie-react-hooks';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import type { CategoryInfo } from '@shared/medical/categories';
import { recordHistory } from '../../db/repositories/recordHistory';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { plainValue, RecordHistory, type HistoryFields } from '../common/RecordHistory';
import { categoryText } from './labels';

const labels = {
  category: 'medical.field.category',
  from: 'medical.field.from',
  to: 'medical.field.toShort',
  note: 'medical.field.note',
  overlapReason: 'medical.field.overlapReason',
} as const;

/** Every version of a hand coverage record: who changed it, when, why, old → new. */
export function MedicalHistoryDialog(props: {
  id: string;
  categories: readonly CategoryInfo[];
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const versions = useLiveQuery(
    () => recordHistory(db, 'medicalCoverage', props.id),
    [db, props.id],
  );
  const fields: HistoryFields = {
    label: (tr, field) => (field in labels ? tr(labels[field as keyof typeof labels]) : null),
    value: (tr, field, value) => {
      if (field === 'category' && typeof value === 'string') {
        return categoryText(tr, value, props.categories);
      }
      if (field === 'to' && value === null) return tr('medical.open');
      return plainValue(value);
    },
  };
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogContent>
        <RecordHistory kind="medicalCoverage" versions={versions ?? []} fields={fields} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.back')}</Button>
      </DialogActions>
    </Dialog>
  );
}
