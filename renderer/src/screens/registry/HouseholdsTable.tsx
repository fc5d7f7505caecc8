import { useCallback, useMemo } from 'react';
import type { GridSort } from '../../db/repositories/grid/gridQuery';
import {
  householdsGridPage,
  type HouseholdSortField,
} from '../../db/repositories/grid/householdsGrid';
import type { Household } from '../../db/repositories/households';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { ServerGrid, type GridPaging } from '../../ui/grid/ServerGrid';
import { householdColumns } from './householdColumns';

/** The registry's households tab: the same search box, a table paged by the store. */
export function HouseholdsTable(props: {
  query: string;
  onSort: (sort: GridSort<HouseholdSortField> | null) => void;
}) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const { query } = props;
  const read = useCallback(
    (paging: GridPaging<HouseholdSortField>) =>
      householdsGridPage(db, { ...paging, filter: query }),
    [db, query],
  );
  const columns = useMemo(() => householdColumns(t), [t]);
  return (
    <ServerGrid<Household, HouseholdSortField>
      columns={columns}
      read={read}
      filterKey={query.trim()}
      onOpen={(h) => navigate({ name: 'household', id: h.id })}
      noRowsText={t('grid.households.empty')}
      testId="household-list"
      dropFirst={['updatedAt']}
      rowTestId="household-row"
      onSort={props.onSort}
    />
  );
}
