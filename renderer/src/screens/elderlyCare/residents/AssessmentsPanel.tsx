import { useState } from 'react';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { ResidentFile } from '../../../db/repositories/elderlyCare/residentFile';
import { useT } from '../../../i18n/useT';
import { assessReasonLabel, levelLabel } from '../labels';
import { Section } from '../Section';
import { useElderlyRole } from '../useElderlyRole';
import { AssessmentDialog } from './AssessmentDialog';

/** Assessments newest first; a re-assessment adds one, nothing is overwritten. */
export function AssessmentsPanel(props: { file: ResidentFile }) {
  const { t } = useT();
  const may = useElderlyRole();
  const [adding, setAdding] = useState(false);
  const list = [...props.file.assessments].reverse();
  return (
    <Section title={t('elderly.resident.assessments')}>
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('elderly.resident.noAssessments')}
        </Typography>
      ) : (
        <List disablePadding dense>
          {list.map((a) => (
            <ListItem key={a.id} divider disableGutters>
              <ListItemText
                primary={`${a.date} · ${levelLabel(t, a.level)}`}
                secondary={[assessReasonLabel(t, a.reason), a.assessor, a.note]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {may('record') && (
        <Button sx={{ mt: 1 }} onClick={() => setAdding(true)}>
          {t('elderly.resident.reassess')}
        </Button>
      )}
      {adding && (
        <AssessmentDialog
          residentId={props.file.resident.id}
          first={list.length === 0}
          onClose={() => setAdding(false)}
        />
      )}
    </Section>
  );
}
