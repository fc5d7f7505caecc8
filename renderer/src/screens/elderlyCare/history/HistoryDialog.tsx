import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useT } from '../../../i18n/useT';
import { ElderlyHistory, type ElderlyHistoryKind } from './ElderlyHistory';

/** The versions of a building or room, whose place on the page has no room for them. */
export function HistoryDialog(props: {
  kind: ElderlyHistoryKind;
  id: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <ElderlyHistory kind={props.kind} id={props.id} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('elderly.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
