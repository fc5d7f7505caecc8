import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { HomeCareVisitData } from '@shared/domain/elderlyCare/homeCare';
import { visitRevisions, visitsOfPerson } from '../../../db/repositories/elderlyCare/homeCare';
import type { HomeCareVisit } from '../../../db/repositories/elderlyCare/tables';
import { getPerson } from '../../../db/repositories/persons';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { PageHeader } from '../../common/PageHeader';
import { duration, serviceLabel } from '../labels';
import { Section } from '../Section';
import { useElderlyRole } from '../useElderlyRole';
import { VisitDialog } from './VisitDialog';

/** One person's home-care history: every visit, newest first, with its corrections. */
export function HomeCarePersonScreen(props: { personId: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [dialog, setDialog] = useState<HomeCareVisit | 'new' | null>(null);
  const person = useLiveQuery(
    async () => (await getPerson(db, props.personId)) ?? null,
    [db, props.personId],
  );
  const visits = useLiveQuery(() => visitsOfPerson(db, props.personId), [db, props.personId]);
  if (!person || !visits) return null;
  const total = visits.reduce((sum, v) => sum + v.durationMinutes, 0);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('elderly.homeCare.history', { name: person.name })}
        onBack={() => navigate({ name: 'homeCare' })}
        actions={
          may('record') && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog('new')}>
              {t('elderly.homeCare.new')}
            </Button>
          )
        }
      />
      <Typography data-testid="visit-total">
        {t('elderly.homeCare.total', { count: visits.length, duration: duration(t, total) })}
      </Typography>
      <Section title={t('elderly.tab.homeCare')}>
        <List disablePadding>
          {visits.map((v) => (
            <ListItem
              key={v.id}
              divider
              disableGutters
              sx={{ display: 'block' }}
              secondaryAction={
                may('record') && (
                  <Button size="small" onClick={() => setDialog(v)}>
                    {t('elderly.resident.correct')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={`${v.startAt.replace('T', ' ')} – ${v.endAt.slice(11)} · ${serviceLabel(t, v.serviceType)} · ${duration(t, v.durationMinutes)}`}
                secondary={[v.staff, v.notes].filter(Boolean).join(' · ')}
              />
              {v.version > 1 && <Revisions visitId={v.id} />}
            </ListItem>
          ))}
        </List>
      </Section>
      {dialog && (
        <VisitDialog
          person={person}
          {...(dialog === 'new' ? {} : { existing: dialog })}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

/** The superseded versions of a corrected visit, each with why it was corrected. */
function Revisions(props: { visitId: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const rows = useLiveQuery(() => visitRevisions(db, props.visitId), [db, props.visitId]);
  if (!rows || rows.length === 0) return null;
  return (
    <Stack
      sx={{ pl: 2, borderLeft: 3, borderColor: 'warning.light', mb: 1 }}
      data-testid="visit-revisions"
    >
      <Typography variant="caption" color="warning.dark">
        {t('elderly.homeCare.corrected', { n: rows.length })}
      </Typography>
      {rows.map((row) => {
        const old = row.record as HomeCareVisitData;
        return (
          <Typography key={row.id} variant="body2" color="text.secondary">
            {t('elderly.homeCare.previous', { version: row.version, reason: row.reason })}：
            {old.startAt.replace('T', ' ')} – {old.endAt.slice(11)} ·{' '}
            {serviceLabel(t, old.serviceType)} · {old.staff}
          </Typography>
        );
      })}
    </Stack>
  );
}
