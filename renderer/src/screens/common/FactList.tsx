import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

/** Label / value pairs in two aligned columns: the read-only facts of a record. */
export function FactList(props: {
  items: [label: string, value: ReactNode][];
  labelWidth?: number;
}) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: `${props.labelWidth ?? 120}px 1fr`,
        columnGap: 2,
        rowGap: 1,
        m: 0,
        alignItems: 'baseline',
      }}
    >
      {props.items.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ color: 'text.secondary' }}>
            {label}
          </Box>
          <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
            {value === '' || value === null || value === undefined ? '—' : value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
