import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { CaseEvent } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { actionLabel, roleLabel, statusLabel } from '../common/labels';

function when(at: string, language: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : d.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short', hour12: false });
}

/** Every step of the case in order: who (name, role), when, from → to, opinion / reason. */
export function CaseHistory(props: { events: CaseEvent[] }) {
  const { t, language } = useT();
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {t('cases.case.history')}
      </Typography>
      {props.events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('cases.case.noHistory')}
        </Typography>
      ) : (
        <List disablePadding data-testid="case-history">
          {props.events.map((e) => (
            <ListItem key={e.id} divider disableGutters sx={{ display: 'block' }}>
              <Stack
                direction="row"
                spacing={2}
                useFlexGap
                sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}
              >
                <Typography sx={{ fontWeight: 600 }}>{actionLabel(t, e.action)}</Typography>
                <Typography variant="body2">
                  {t('cases.case.historyLine', {
                    from: statusLabel(t, e.from),
                    to: statusLabel(t, e.to),
                  })}
                </Typography>
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ flexGrow: 1, textAlign: 'right' }}
                >
                  {t('cases.case.actor', { name: e.actorName, role: roleLabel(t, e.actorRole) })} ·{' '}
                  {when(e.at, language)}
                </Typography>
              </Stack>
              {e.opinion && (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {t('cases.case.opinion', { text: e.opinion })}
                </Typography>
              )}
              {e.reason && (
                <Typography variant="body2" color="warning.dark" sx={{ mt: 0.5 }}>
                  {t('cases.case.reason', { text: e.reason })}
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
