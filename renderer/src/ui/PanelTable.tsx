import Box from '@mui/material/Box';
import Table, { type TableProps } from '@mui/material/Table';
import { useT } from '../i18n/useT';

/**
 * A small table inside a panel, at any window width (docs/architecture.md, "Screen
 * widths"): each cell on one line (a name, an age or a heading broken a character a line
 * at a narrow window read as two) but a cell marked `data-wraps` (a note, a role's
 * help); English headings wrap at their spaces, which keeps a wide table of long headings
 * within a 1024-pixel window; half MUI's cell padding; and what still does not fit
 * scrolls sideways in its own box, not the page.
 */
export function PanelTable({
  chineseHeadings,
  ...props
}: Omit<TableProps, 'size' | 'sx'> & {
  /** Headings in Chinese whatever the desk's language (a roster's own column names). */
  chineseHeadings?: boolean;
}) {
  const { language } = useT();
  const headingsWrap = language === 'en' && !chineseHeadings;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        {...props}
        sx={{
          '& th, & td': { px: 1 },
          '& td:not([data-wraps])': { whiteSpace: 'nowrap' },
          '& th': { whiteSpace: headingsWrap ? 'normal' : 'nowrap' },
        }}
      />
    </Box>
  );
}
