import { Fragment } from 'react';
import Box from '@mui/material/Box';
import { maskIdForPaper } from '@shared/papers/publicText';
import type { RosterPaper, RosterRowKind } from '@shared/papers/roster';
import { useT } from '../../../i18n/useT';
import { PreparedBy } from './PreparedBy';
import {
  Sheet,
  Table,
  Title,
  cell,
  headCell,
  numCell,
  paperCategory,
  programmeName,
  yuan,
} from '../paperParts';

const columns = ['seq', 'village', 'head', 'id', 'covered', 'category', 'amount', 'note'] as const;

/**
 * 花名册 of a programme for a month: one row per payment, village by village, each
 * village's subtotal after its rows and the overall total at the end; the source said
 * at the top (the approved roll, or 未审定). A long roster runs over pages with its
 * header row repeated; the signature block stays whole.
 */
export function RosterDocument(props: {
  paper: RosterPaper;
  printedOn: string;
  /** Full ID numbers only while a logged print runs (usePaperOutput's `unmasked`). */
  fullIds: boolean;
  testId?: string;
}) {
  const { t } = useT();
  const p = props.paper;
  // A continuing line and a case's current amount need no note (the paper says 未审定).
  const note = (kind: RosterRowKind) =>
    kind === 'continuing' || kind === 'current' ? '' : t(`print.roster.kind.${kind}`);
  // Each village's first sequence number: the rows are numbered through the roster.
  const firstSeq = p.villages.map((_, i) =>
    p.villages.slice(0, i).reduce((sum, v) => sum + v.rows.length, 1),
  );
  return (
    <Sheet testId={props.testId}>
      <Title>
        {t('print.roster.title', { programme: programmeName(t, p.programme), month: p.month })}
      </Title>
      <Box sx={{ fontSize: 12 }}>{t('print.figures.office', { office: p.officeName })}</Box>
      <Box
        sx={{ fontSize: 12, mb: 0.5, fontWeight: p.source === 'roll' ? 400 : 600 }}
        data-testid={props.testId ? `${props.testId}-source` : undefined}
      >
        {p.source === 'roll'
          ? t('print.roster.fromRoll', { month: p.month, n: p.rollVersion ?? 0 })
          : t('print.roster.unapproved')}
      </Box>
      <Table testId={props.testId ? `${props.testId}-table` : undefined} fontSize={12}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} style={headCell}>
                {t(`print.roster.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.villages.map((v, vi) => (
            <Fragment key={v.village}>
              {v.rows.map((r, ri) => {
                const seq = (firstSeq[vi] ?? 1) + ri;
                return (
                  <tr key={r.key} data-testid="roster-row">
                    <td style={numCell}>{seq}</td>
                    <td style={cell}>{r.village || t('print.roster.noVillage')}</td>
                    <td style={cell}>{r.headName}</td>
                    <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                      {r.headIdNumber === ''
                        ? '—'
                        : props.fullIds
                          ? r.headIdNumber
                          : maskIdForPaper(r.headIdNumber)}
                    </td>
                    <td style={numCell}>{r.coveredCount}</td>
                    <td style={cell}>{paperCategory(t, p.programme, r.category)}</td>
                    <td style={numCell}>{yuan(r.amountFen)}</td>
                    <td style={cell}>{note(r.kind)}</td>
                  </tr>
                );
              })}
              <tr data-testid="roster-village-total">
                <th style={cell} colSpan={4}>
                  {t('print.roster.villageTotal', {
                    village: v.village || t('print.roster.noVillage'),
                    households: v.households,
                  })}
                </th>
                <th style={numCell}>{v.covered}</th>
                <th style={cell} />
                <th style={numCell}>{yuan(v.amountFen)}</th>
                <th style={cell} />
              </tr>
            </Fragment>
          ))}
          <tr data-testid="roster-total">
            <th style={headCell} colSpan={4}>
              {t('print.roster.total', { households: p.total.households })}
            </th>
            <th style={{ ...numCell, background: '#f3f3f3' }}>{p.total.covered}</th>
            <th style={headCell} />
            <th style={{ ...numCell, background: '#f3f3f3' }}>{yuan(p.total.amountFen)}</th>
            <th style={headCell} />
          </tr>
        </tbody>
      </Table>
      <PreparedBy printedOn={props.printedOn} />
    </Sheet>
  );
}
