import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { residentRows, type ResidentRow } from '../../../db/repositories/elderlyCare/residentRows';
import { movementsSource, residentsSource } from '../../../db/repositories/export/elderlySources';
import { ExportListButton } from '../../../export/ExportListButton';
import { movementsList } from '../../../export/lists/movements';
import { residentsList } from '../../../export/lists/residents';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { ageOn, sexLabel, todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { useVirtualRows } from '../../common/useVirtualRows';
import { ElderlyTabs } from '../ElderlyTabs';
import { bedName, bedStatusLabel, fundingLabel, levelLabel } from '../labels';
import { useElderlyRole } from '../useElderlyRole';

const rowHeight = 44;
const columns = 'minmax(100px,1fr) 110px minmax(120px,1fr) minmax(220px,2fr) minmax(110px,1fr)';
const stateStatus = { reserved: 'reserved', active: 'occupied', held: 'held' } as const;

/** 入住老人: residents by name or pinyin initials, each with bed, status and level. */
export function ResidentsScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [query, setQuery] = useState('');
  const today = todayDate();
  const rows = useLiveQuery(() => residentRows(db, query, today), [db, query, today]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(rows?.length ?? 0, scrollRef, rowHeight);
  const cell = { px: 1.5, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

  const where = (r: ResidentRow) => {
    const stay = r.stay;
    if (!stay || !r.place) return t('elderly.resident.none');
    const state = stay.state === 'reserved' || stay.state === 'held' ? stay.state : 'active';
    return `${bedName(t, r.place)} · ${bedStatusLabel(t, stateStatus[state])}`;
  };

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('elderly.title')}
        actions={
          <>
            <ExportListButton
              definition={movementsList}
              source={() => movementsSource(db, query)}
              label={t('listExport.movements')}
            />
            <ExportListButton
              definition={residentsList}
              source={() => residentsSource(db, query, today)}
              label={t('listExport.residents')}
            />
            {may('record') && (
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => navigate({ name: 'elderlyResidentNew' })}
              >
                {t('elderly.resident.new')}
              </Button>
            )}
          </>
        }
      />
      <ElderlyTabs current="elderlyResidents" />
      <TextField
        label={t('elderly.field.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        sx={{ width: 360 }}
        autoComplete="off"
      />
      {rows?.length === 0 && (
        <Alert severity="info" data-testid="residents-none">
          {t(query.trim() === '' ? 'elderly.resident.empty' : 'elderly.resident.noResults')}
        </Alert>
      )}
      {rows && rows.length > 0 && (
        <Box
          role="table"
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}
        >
          <Box
            role="row"
            sx={{
              display: 'grid',
              gridTemplateColumns: columns,
              height: 40,
              alignItems: 'center',
              bgcolor: 'action.hover',
              fontWeight: 600,
            }}
          >
            {(['name', 'sexAge', 'funding', 'where', 'level'] as const).map((c) => (
              <Box key={c} role="columnheader" sx={cell}>
                {t(`elderly.col.${c}`)}
              </Box>
            ))}
          </Box>
          <Box ref={scrollRef} sx={{ maxHeight: 'calc(100vh - 330px)', overflowY: 'auto' }}>
            <Box sx={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                const { resident: r } = row;
                const open = () => navigate({ name: 'elderlyResident', id: r.id });
                return (
                  <Box
                    key={r.id}
                    role="row"
                    tabIndex={0}
                    data-testid="resident-row"
                    onClick={open}
                    onKeyDown={(e) => e.key === 'Enter' && open()}
                    sx={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: rowHeight,
                      transform: `translateY(${item.start}px)`,
                      display: 'grid',
                      gridTemplateColumns: columns,
                      alignItems: 'center',
                      borderTop: 1,
                      borderColor: 'divider',
                      cursor: 'pointer',
                      '&:hover, &:focus-visible': { bgcolor: 'action.hover', outline: 'none' },
                    }}
                  >
                    <Box role="cell" sx={{ ...cell, fontWeight: 600 }}>
                      {r.personName}
                    </Box>
                    <Box role="cell" sx={cell}>
                      {sexLabel(t, r.sex)} · {ageOn(r.birthDate, today)}
                    </Box>
                    <Box role="cell" sx={cell}>
                      {fundingLabel(t, r.fundingCategory)}
                    </Box>
                    <Box role="cell" sx={cell}>
                      {where(row)}
                    </Box>
                    <Box role="cell" sx={cell}>
                      {levelLabel(t, row.level ?? 'unassessed')}
                    </Box>
                  </Box>
                );
              })}
            </Box>
          </Box>
        </Box>
      )}
    </Stack>
  );
}
