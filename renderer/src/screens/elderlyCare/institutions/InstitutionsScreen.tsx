import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { bedCounts } from '../../../db/repositories/elderlyCare/board';
import { listInstitutions } from '../../../db/repositories/elderlyCare/institutions';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { ElderlyTabs } from '../ElderlyTabs';
import { gradeLabel, operatorLabel } from '../labels';
import { useElderlyRole } from '../useElderlyRole';
import { InstitutionDialog } from './InstitutionDialog';

/** 养老机构: the office's institutions with their beds in service today. */
export function InstitutionsScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [creating, setCreating] = useState(false);
  const today = todayDate();
  const institutions = useLiveQuery(() => listInstitutions(db), [db]);
  const counts = useLiveQuery(() => bedCounts(db, today), [db, today]);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('elderly.title')}
        actions={
          may('setup') && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              {t('elderly.inst.new')}
            </Button>
          )
        }
      />
      <ElderlyTabs current="elderlyInstitutions" />
      {institutions?.length === 0 && <Alert severity="info">{t('elderly.noInstitution')}</Alert>}
      {institutions && institutions.length > 0 && (
        <Paper>
          <List disablePadding>
            {institutions.map((i) => {
              const c = counts?.get(i.id) ?? { total: 0, nursing: 0 };
              return (
                <ListItemButton
                  key={i.id}
                  divider
                  onClick={() => navigate({ name: 'elderlyInstitution', id: i.id })}
                  data-testid="institution-row"
                >
                  <ListItemText
                    primary={`${i.name}（${i.code}）`}
                    secondary={[
                      operatorLabel(t, i.operatorType),
                      gradeLabel(t, i.grade),
                      t('elderly.inst.beds', c),
                      i.address,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItemButton>
              );
            })}
          </List>
        </Paper>
      )}
      {creating && (
        <InstitutionDialog
          onClose={(id) => {
            setCreating(false);
            if (id) navigate({ name: 'elderlyInstitution', id });
          }}
        />
      )}
    </Stack>
  );
}
