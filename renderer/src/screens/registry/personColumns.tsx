import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { Translate } from '../../i18n/translate';
import { localStamp } from '../../ui/grid/localStamp';
import type { Person } from '../../db/repositories/persons';
import { personSortIndexes } from '../../db/repositories/grid/personsGrid';
import { sexLabel } from '../common/labels';
import { MaskedIdMatch } from '../search/MaskedIdMatch';

/** Sortable only where schema v15 (or earlier) has an index: personSortIndexes. */
const sortable = (field: string) => field in personSortIndexes;

/**
 * The persons table's columns. IDs are masked (first 6 + last 4), the part a search
 * matched marked; the full number is on the person's own screen.
 */
export function personColumns(
  t: Translate,
  query: string,
  openHousehold: (id: string) => void,
): GridColDef<Person>[] {
  const column = (field: string, headerName: string, more: Partial<GridColDef<Person>>) => ({
    field,
    headerName,
    sortable: sortable(field),
    ...more,
  });
  return [
    column('name', t('registry.col.name'), { flex: 1.2, minWidth: 96 }),
    column('idNumber', t('registry.col.id'), {
      flex: 1.8,
      minWidth: 180,
      renderCell: ({ row }) => (
        <span style={{ fontFamily: 'monospace', fontSize: 14 }}>
          <MaskedIdMatch idNumber={row.idNumber} query={query} />
        </span>
      ),
    }),
    column('sex', t('registry.col.sex'), {
      width: 72,
      valueGetter: (_v, row) => sexLabel(t, row.sex),
    }),
    column('birthDate', t('registry.col.birthDate'), { flex: 1, minWidth: 104 }),
    column('householdId', t('registry.col.household'), {
      flex: 1,
      // "Open household" whole (a narrower cell cut the button to an ellipsis).
      minWidth: 140,
      renderCell: ({ row }) =>
        row.householdId ? (
          <Button
            size="small"
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              if (row.householdId) openHousehold(row.householdId);
            }}
          >
            {t('registry.household.open')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary" component="span">
            {t('registry.household.none')}
          </Typography>
        ),
    }),
    column('updatedAt', t('grid.col.updatedAt'), {
      flex: 1,
      minWidth: 140,
      valueFormatter: (value: string) => localStamp(value),
    }),
  ];
}
