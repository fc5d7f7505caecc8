import { useLiveQuery } from 'dexie-react-hooks';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import { recordHistory } from '../../db/repositories/recordHistory';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { RecordHistory } from '../common/RecordHistory';
import { communityHistoryFields } from './historyValues';

/** The versions of a volunteer or an activity, for records whose screen has no room for them. */
export function HistoryDialog(props: {
  kind: 'volunteer' | 'volunteerActivity';
  id: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const versions = useLiveQuery(
    () => recordHistory(db, props.kind, props.id),
    [db, props.kind, props.id],
  );
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogContent>
        <RecordHistory
          kind={props.kind}
          versions={versions ?? []}
          fields={communityHistoryFields}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.back')}</Button>
      </DialogActions>
    </Dialog>
  );
}
