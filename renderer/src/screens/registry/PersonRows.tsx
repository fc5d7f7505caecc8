import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { Person } from '../../db/repositories/persons';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { sexLabel } from '../common/labels';
import { useVirtualRows } from '../common/useVirtualRows';
import { MaskedIdMatch } from '../search/MaskedIdMatch';

const rowHeight = 44;
const columns = 'minmax(100px,1.2fr) minmax(200px,1.8fr) 70px minmax(110px,1fr) minmax(120px,1fr)';

/**
 * The person table, virtualized: only the rows on screen exist in the DOM. `rowAt`
 * may not have a row yet (its page is loading); `onVisible` asks for the rows shown.
 * IDs are masked (first 6 + last 4): the full number is on the person's own screen.
 * With `query`, the part of the ID a search matched is marked (MaskedIdMatch).
 */
export function PersonRows(props: {
  count: number;
  rowAt: (index: number) => Person | undefined;
  onVisible?: (first: number, last: number) => void;
  query?: string;
}) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(props.count, scrollRef, rowHeight);
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onVisible } = props;

  // Debounced so dragging the scrollbar across 200,000 rows reads only where it stops.
  useEffect(() => {
    if (!onVisible || last < first) return;
    const timer = setTimeout(() => onVisible(first, last), 60);
    return () => clearTimeout(timer);
  }, [onVisible, first, last]);

  const cell = { px: 1.5, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
  return (
    <Box role="table" sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: columns,
          alignItems: 'center',
          height: 40,
          bgcolor: 'action.hover',
          borderBottom: 1,
          borderColor: 'divider',
          fontWeight: 600,
        }}
      >
        {(['name', 'id', 'sex', 'birthDate', 'household'] as const).map((c) => (
          <Box key={c} role="columnheader" sx={cell}>
            {t(`registry.col.${c}`)}
          </Box>
        ))}
      </Box>
      <Box
        ref={scrollRef}
        sx={{ maxHeight: 'calc(100vh - 300px)', overflowY: 'auto' }}
        data-testid="person-list"
      >
        <Box sx={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const p = props.rowAt(item.index);
            const open = () => p && navigate({ name: 'person', id: p.id });
            return (
              <Box
                key={item.key}
                role="row"
                data-testid="person-row"
                tabIndex={p ? 0 : -1}
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
                  borderBottom: 1,
                  borderColor: 'divider',
                  cursor: p ? 'pointer' : 'default',
                  '&:hover, &:focus-visible': { bgcolor: 'action.hover', outline: 'none' },
                }}
              >
                {p ? (
                  <>
                    <Box role="cell" sx={{ ...cell, fontWeight: 500 }}>
                      {p.name}
                    </Box>
                    <Box role="cell" sx={{ ...cell, fontFamily: 'monospace', fontSize: 14 }}>
                      <MaskedIdMatch idNumber={p.idNumber} query={props.query} />
                    </Box>
                    <Box role="cell" sx={cell}>
                      {sexLabel(t, p.sex)}
                    </Box>
                    <Box role="cell" sx={cell}>
                      {p.birthDate}
                    </Box>
                    <Box role="cell" sx={cell}>
                      {p.householdId ? (
                        <Button
                          size="small"
                          onClick={(e) => {
                            e.stopPropagation();
                            if (p.householdId) navigate({ name: 'household', id: p.householdId });
                          }}
                        >
                          {t('registry.household.open')}
                        </Button>
                      ) : (
                        <Typography variant="body2" color="text.secondary" component="span">
                          {t('registry.household.none')}
                        </Typography>
                      )}
                    </Box>
                  </>
                ) : (
                  <Box sx={{ gridColumn: '1 / -1', px: 1.5 }}>
                    <Skeleton variant="text" />
                  </Box>
                )}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
