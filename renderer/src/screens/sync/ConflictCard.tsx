import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { SyncConflictData } from '@shared/domain/syncConflict';
import { useT } from '../../i18n/useT';
import { useSession, writeContext } from '../../state/session';
import { resolveConflict, type ConflictChoice, type ConflictView } from '../../sync/conflicts';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { fieldLabel, formatValue, hlcTime, knownFieldLabel, recordLabel } from './syncText';

/** One open conflict: the record and field, the two values side by side, a choice. */
export function ConflictCard({ view }: { view: ConflictView }) {
  const { t } = useT();
  const { conflict, record } = view;
  const { error, capture, summary } = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const transition = conflict.type === 'transition';

  const choose = async (choice: ConflictChoice) => {
    setBusy(true);
    try {
      const { db } = useSession.getState();
      await resolveConflict(db, writeContext(), conflict.id, choice, t('sync.conflicts.reason'));
      // The live list drops the card once the write commits.
    } catch (thrown) {
      capture(thrown);
      setBusy(false);
    }
  };

  return (
    <Paper component="section" data-testid="conflict-card" sx={{ p: 3 }}>
      <Typography variant="h6" component="h2">
        {recordLabel(t, conflict.recordKind, record)}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('sync.conflicts.field', { field: fieldLabel(t, conflict.field) })}
        {!record && ` · ${t('sync.conflicts.recordGone')}`}
      </Typography>
      {transition && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {conflict.field === 'stays'
            ? t('sync.conflicts.stays')
            : `${t('sync.conflicts.transition')} ${t('sync.conflicts.transitionHint')}`}
        </Alert>
      )}
      <Box sx={{ mb: summary ? 2 : 0 }}>
        <ErrorSummary error={error} summary={summary} label={(path) => knownFieldLabel(t, path)} />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <ValueChoice
          conflict={conflict}
          side="kept"
          action={transition ? t('sync.conflicts.acknowledge') : t('sync.conflicts.choose')}
          disabled={busy || (!transition && !record)}
          onChoose={() => void choose('kept')}
        />
        <ValueChoice
          conflict={conflict}
          side="other"
          action={transition ? null : t('sync.conflicts.choose')}
          disabled={busy || !record}
          onChoose={() => void choose('other')}
        />
      </Box>
    </Paper>
  );
}

function ValueChoice(props: {
  conflict: SyncConflictData;
  side: ConflictChoice;
  action: string | null;
  disabled: boolean;
  onChoose: () => void;
}) {
  const { t, language } = useT();
  const { conflict, side } = props;
  const value = side === 'kept' ? conflict.keptValue : conflict.otherValue;
  const by = side === 'kept' ? conflict.keptBy : conflict.otherBy;
  return (
    <Box
      data-testid={`conflict-${side}`}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Stack spacing={1}>
        <Typography variant="subtitle2" color="primary">
          {side === 'kept' ? t('sync.conflicts.kept') : t('sync.conflicts.other')}
        </Typography>
        <Typography sx={{ fontSize: 18, fontWeight: 600, overflowWrap: 'anywhere' }}>
          {formatValue(t, conflict.recordKind, conflict.field, value)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('sync.conflicts.by', { name: by.name, time: hlcTime(language, by.hlc) })}
        </Typography>
        {props.action && (
          <Box>
            <Button variant="outlined" disabled={props.disabled} onClick={props.onChoose}>
              {props.action}
            </Button>
          </Box>
        )}
      </Stack>
    </Box>
  );
}
