import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import AddIcon from '@mui/icons-material/Add';
import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { householdsSource, personsSource } from '../../db/repositories/export/personsSource';
import { countPersons, searchPersons } from '../../db/repositories/persons';
import { ExportListButton } from '../../export/ExportListButton';
import { householdsList } from '../../export/lists/households';
import { personsList } from '../../export/lists/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { PersonRows } from './PersonRows';
import { usePersonPages } from './usePersonPages';

const searchLimit = 200;

/**
 * The registry. One search box (name, pinyin initials, ID-number prefix or its last 4
 * or 6 characters, the match marked on the masked ID); with an
 * empty box, the whole registry as a virtualized list read page by page.
 */
export function PersonsScreen() {
  const { t, language } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const searching = query.trim() !== '';

  const count = useLiveQuery(() => countPersons(db), [db]);
  const results = useLiveQuery(
    () => (searching ? searchPersons(db, query, searchLimit) : Promise.resolve(null)),
    [db, query, searching],
  );
  const pages = usePersonPages(count ?? 0);

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t('registry.persons.title')}
        actions={
          <>
            <ExportListButton
              definition={householdsList}
              source={() => householdsSource(db, query)}
              label={t('listExport.households')}
            />
            <ExportListButton
              definition={personsList}
              source={() => personsSource(db, query)}
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
          {searching
            ? results && results.length >= searchLimit
              ? t('registry.search.limited', { count: searchLimit })
              : ''
            : count !== undefined &&
              t('registry.persons.count', { count: count.toLocaleString(language) })}
        </Typography>
      </Stack>
      {searching && results?.length === 0 && (
        <Alert severity="info">{t('registry.search.noResults')}</Alert>
      )}
      {!searching && count === 0 && <Alert severity="info">{t('registry.persons.empty')}</Alert>}
      {searching
        ? results &&
          results.length > 0 && (
            <PersonRows count={results.length} rowAt={(i) => results[i]} query={query} />
          )
        : count !== undefined &&
          count > 0 && <PersonRows count={count} rowAt={pages.rowAt} onVisible={pages.ensure} />}
    </Stack>
  );
}
