import { useCallback, useMemo, useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { GridPage, GridSort } from '../../db/repositories/grid/gridQuery';
import {
  personFilterCap,
  personsGridPage,
  type PersonSortField,
} from '../../db/repositories/grid/personsGrid';
import { householdsSource, personsSource } from '../../db/repositories/export/personsSource';
import type { Person } from '../../db/repositories/persons';
import { ExportListButton } from '../../export/ExportListButton';
import { householdsList } from '../../export/lists/households';
import { personsList } from '../../export/lists/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { ServerGrid, type GridPaging } from '../../ui/grid/ServerGrid';
import { PageHeader } from '../common/PageHeader';
import { personColumns } from './personColumns';
import { HouseholdsTable } from './HouseholdsTable';
import type { HouseholdSortField } from '../../db/repositories/grid/householdsGrid';

/**
 * The registry. One search box (name, pinyin initials, ID-number prefix or its last 4
 * or 6 characters, the match marked on the masked ID) filtering a table of the whole
 * registry, paged and sorted by the store (personsGridPage, which the export reads too).
 */
export function PersonsScreen() {
  const { t, language } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<GridSort<PersonSortField> | null>(null);
  const [limited, setLimited] = useState(false);
  const [tab, setTab] = useState<'persons' | 'households'>('persons');
  const [householdSort, setHouseholdSort] = useState<GridSort<HouseholdSortField> | null>(null);
  const searching = query.trim() !== '';

  const columns = useMemo(
    () => personColumns(t, query, (id) => navigate({ name: 'household', id })),
    [t, query, navigate],
  );
  const read = useCallback(
    (paging: GridPaging<PersonSortField>) => personsGridPage(db, { ...paging, filter: query }),
    [db, query],
  );
  // The header's count is the table's own total (the list counts once, after its first
  // page): no second count of the whole table competes with the first page at a start.
  // The last known total of the whole list stands while a recount runs (-1).
  const [shown, setShown] = useState<{ query: string; total: number } | null>(null);
  const onResult = useCallback(
    (page: GridPage<Person>) => {
      setLimited(page.limited);
      if (page.total >= 0) setShown({ query: query.trim(), total: page.total });
    },
    [query],
  );
  const count = shown && shown.query === '' && !searching ? shown.total : undefined;

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('registry.persons.title')}
        actions={
          <>
            <ExportListButton
              definition={householdsList}
              source={() => householdsSource(db, query, householdSort)}
              label={t('listExport.households')}
            />
            <ExportListButton
              definition={personsList}
              source={() => personsSource(db, query, sort)}
              label={t('listExport.persons')}
            />
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => navigate({ name: 'householdNew' })}
            >
              {t('registry.newHousehold')}
            </Button>
          </>
        }
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          label={t('registry.search.label')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          size="small"
          sx={{ width: 420 }}
          autoFocus
          autoComplete="off"
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Typography variant="body2" color="text.secondary" data-testid="person-count">
          {tab !== 'persons'
            ? ''
            : searching
              ? limited
                ? t('grid.limited', { count: personFilterCap })
                : ''
              : count !== undefined &&
                t('registry.persons.count', { count: count.toLocaleString(language) })}
        </Typography>
      </Stack>
      <Tabs value={tab} onChange={(_e, v: 'persons' | 'households') => setTab(v)}>
        <Tab value="persons" label={t('grid.tab.persons')} />
        <Tab value="households" label={t('grid.tab.households')} data-testid="tab-households" />
      </Tabs>
      {tab === 'persons' ? (
        <ServerGrid<Person, PersonSortField>
          columns={columns}
          read={read}
          filterKey={query.trim()}
          onOpen={(p) => navigate({ name: 'person', id: p.id })}
          noRowsText={searching ? t('registry.search.noResults') : t('registry.persons.empty')}
          testId="person-list"
          dropFirst={['updatedAt']}
          rowTestId="person-row"
          onResult={onResult}
          onSort={setSort}
        />
      ) : (
        <HouseholdsTable query={query} onSort={setHouseholdSort} />
      )}
    </Stack>
  );
}
