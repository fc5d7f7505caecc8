import { useState } from 'react';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import type { ResidentFile } from '../../../db/repositories/elderlyCare/residentFile';
import type { Contract } from '../../../db/repositories/elderlyCare/tables';
import { useT } from '../../../i18n/useT';
import { levelLabel } from '../labels';
import { Section } from '../Section';
import { useElderlyRole } from '../useElderlyRole';
import { ContractDialog } from './ContractDialog';

/** Service contracts with their monthly fees; a correction keeps the superseded one. */
export function ContractsPanel(props: { file: ResidentFile }) {
  const { t } = useT();
  const may = useElderlyRole();
  const [open, setOpen] = useState<Contract | 'new' | null>(null);
  const { file } = props;
  const latestLevel = file.assessments.at(-1)?.level;
  return (
    <Section title={t('elderly.resident.contracts')}>
      {file.contracts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('elderly.resident.noContracts')}
        </Typography>
      ) : (
        <List disablePadding dense>
          {file.contracts.map((c) => (
            <ListItem
              key={c.id}
              divider
              disableGutters
              secondaryAction={
                may('record') && (
                  <Button size="small" onClick={() => setOpen(c)}>
                    {t('elderly.resident.correct')}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={`${c.contractNo || '—'} · ${c.startDate} – ${c.endDate} · ${levelLabel(t, c.careLevel)}`}
                secondary={t('elderly.resident.fees', {
                  bed: formatFen(c.bedFeeFen),
                  care: formatFen(c.careFeeFen),
                  meal: formatFen(c.mealFeeFen),
                  deposit: formatFen(c.depositFen),
                })}
              />
            </ListItem>
          ))}
        </List>
      )}
      {may('record') && (
        <Button sx={{ mt: 1 }} onClick={() => setOpen('new')}>
          {t('elderly.resident.newContract')}
        </Button>
      )}
      {open && (
        <ContractDialog
          residentId={file.resident.id}
          bedId={file.current?.bed.id ?? null}
          careLevel={latestLevel}
          {...(open === 'new' ? {} : { existing: open })}
          onClose={() => setOpen(null)}
        />
      )}
    </Section>
  );
}
