import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { formatFen } from '@shared/money/fen';
import { isMessageKey, type Translate } from '../../i18n/translate';

/*
 * The pieces every printed paper is made of: black on white, sized for A4 (about 178 mm
 * of text width at the print margins), tables with ruled cells, signature boxes that are
 * never split across pages (PrintOnly's `.print-keep`).
 */
export const cell = {
  border: '1px solid #333',
  padding: '3px 6px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;
export const numCell = { ...cell, textAlign: 'right', whiteSpace: 'nowrap' } as const;
export const headCell = { ...cell, fontWeight: 600, background: '#f3f3f3' } as const;

export function Sheet(props: { children: ReactNode; testId?: string; page?: boolean }) {
  return (
    <Box
      data-testid={props.testId}
      className={props.page ? 'print-page' : undefined}
      sx={{
        color: '#000',
        bgcolor: '#fff',
        fontSize: 14,
        lineHeight: 1.7,
        maxWidth: 720,
        mx: 'auto',
        fontFamily: '"Songti SC", "SimSun", "Noto Serif CJK SC", serif',
      }}
    >
      {props.children}
    </Box>
  );
}

export function Title(props: { children: ReactNode }) {
  return (
    <Box
      component="h1"
      sx={{ textAlign: 'center', fontSize: 24, letterSpacing: '0.15em', m: 0, mb: 1 }}
    >
      {props.children}
    </Box>
  );
}

export function Table(props: { children: ReactNode; testId?: string; fontSize?: number }) {
  return (
    <Box
      component="table"
      data-testid={props.testId}
      sx={{ width: '100%', borderCollapse: 'collapse', fontSize: props.fontSize ?? 13, mb: 1.5 }}
    >
      {props.children}
    </Box>
  );
}

/** A line to sign on, with its label and a date line under it. */
export function SignatureLine(props: { label: string; date?: string; testId?: string }) {
  return (
    <Box className="print-keep" sx={{ mt: 3 }} data-testid={props.testId}>
      <Box sx={{ display: 'flex', alignItems: 'flex-end', gap: 1 }}>
        <span>{props.label}</span>
        <Box sx={{ flexGrow: 1, maxWidth: 220, borderBottom: '1px solid #000', height: 24 }} />
      </Box>
      <Box sx={{ mt: 1 }}>{props.date ?? ''}</Box>
    </Box>
  );
}

export function yuan(fen: number): string {
  return formatFen(fen);
}

/** 城市低保 / 农村特困供养 …: a programme's category as a notice or form names it. */
export function paperCategory(t: Translate, programme: string, category: string): string {
  const key = `papers.category.${programme}.${category}`;
  if (isMessageKey(key)) return t(key);
  const name = `programme.${programme}`;
  return isMessageKey(name) ? t(name) : programme;
}

export function programmeName(t: Translate, programme: string): string {
  const key = `programme.${programme}`;
  return isMessageKey(key) ? t(key) : programme;
}

/** A step's time as the office reads it: local date and minute. */
export function stepTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
