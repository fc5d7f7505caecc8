import { Alert, AlertTitle, Button, List, ListItem, ListItemText } from '@mui/material';
import { useI18n } from '../../i18n/i18n';
import type { BulkResult } from '../../queueApi';

/** A bulk confirm's outcome, one line per case: done, or why not. */
export function BulkResults(props: {
  results: BulkResult[];
  names: Map<string, string>;
  onClose: () => void;
}) {
  const { t, wordFor, appError } = useI18n();
  const failed = props.results.some((r) => !r.ok);
  return (
    <Alert
      severity={failed ? 'warning' : 'success'}
      action={<Button onClick={props.onClose}>{t('queue.close')}</Button>}
      aria-label={t('queue.bulkResults')}
    >
      <AlertTitle>{t('queue.bulkResults')}</AlertTitle>
      <List dense disablePadding>
        {props.results.map((r) => (
          <ListItem key={r.caseId} disableGutters>
            <ListItemText
              primary={`${props.names.get(r.caseId) ?? r.caseId}：${
                r.ok
                  ? t('queue.resultOk', { action: wordFor('action.', r.action ?? '') })
                  : t('queue.resultNo', { reason: r.error ? appError(r.error) : '' })
              }`}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
