import { Alert, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { openConflicts } from '../../sync/conflicts';
import { PageHeader } from '../common/PageHeader';
import { ConflictCard } from './ConflictCard';
import { RefusedChangesSection } from './RefusedChangesSection';
import { RejectedOpsSection } from './RejectedOpsSection';

/**
 * 待处理冲突: each conflict HQ recorded for this office, with both values and who set
 * them when; a person picks one. Below, the changes HQ refused, and the changes from
 * HQ this desk refused, each with the reason.
 */
export function ConflictsScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const conflicts = useLiveQuery(() => openConflicts(db), [db]);

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <PageHeader title={t('sync.conflicts.title')} />
      <Typography color="text.secondary">{t('sync.conflicts.intro')}</Typography>
      {conflicts && conflicts.length === 0 && (
        <Alert severity="success" data-testid="conflicts-empty">
          {t('sync.conflicts.empty')}
        </Alert>
      )}
      {conflicts?.map((view) => (
        <ConflictCard key={view.conflict.id} view={view} />
      ))}
      <RejectedOpsSection />
      <RefusedChangesSection />
    </Stack>
  );
}
