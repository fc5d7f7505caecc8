import type { Language } from '../i18n/translate';

/**
 * A panel table's cells each on one line (a name, an age or a heading broken a character
 * a line at a narrow window read as two), but a cell marked `data-wraps` (a note, a
 * role's help). English headings wrap at their spaces, which keeps a wide table of long
 * headings within a 1024-pixel window. Put the table in a box that scrolls sideways
 * (`overflowX: 'auto'`) for what still does not fit. docs/architecture.md, "Screen widths".
 */
export function oneLineCells(language: Language) {
  return {
    // Half MUI's 16 px at each side: 16 px a column back (the standards' 操作 column was
    // out of sight at 1024 px).
    '& th, & td': { px: 1 },
    '& td:not([data-wraps])': { whiteSpace: 'nowrap' },
    '& th': { whiteSpace: language === 'en' ? 'normal' : 'nowrap' },
  } as const;
}
