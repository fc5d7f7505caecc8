import { useRef } from 'react';
import Box from '@mui/material/Box';
import { formatFen } from '@shared/money/fen';
import { isOverdue } from '@shared/programmes/decisionClock';
import type { AssistanceCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { caseAreaLabel } from '../common/labels';
import { useVirtualRows } from '../common/useVirtualRows';
import { StatusChip } from './StatusChip';

const rowHeight = 44;
const columns = 'minmax(100px,1.2fr) 100px 130px 110px minmax(170px,1.4fr) 120px';

/** The case table, virtualized; overdue cases are marked in red. */
export function CaseRows(props: { cases: AssistanceCase[]; today: string }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(props.cases.length, scrollRef, rowHeight);
  const cell = { px: 1.5, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
  const headers = ['applicant', 'category', 'status', 'applied', 'due', 'amount'] as const;

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
        {headers.map((h) => (
          <Box
            key={h}
            role="columnheader"
            sx={{ ...cell, textAlign: h === 'amount' ? 'right' : 'left' }}
          >
            {t(`cases.col.${h}`)}
          </Box>
        ))}
      </Box>
      <Box
        ref={scrollRef}
        sx={{ maxHeight: 'calc(100vh - 300px)', overflowY: 'auto' }}
        data-testid="case-list"
      >
        <Box sx={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const c = props.cases[item.index];
            if (!c) return null;
            const overdue = isOverdue(c, props.today);
            const open = () => navigate({ name: 'case', id: c.id });
            return (
              <Box
                key={c.id}
                role="row"
                tabIndex={0}
                data-testid="case-row"
                data-overdue={overdue || undefined}
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
                  cursor: 'pointer',
                  bgcolor: overdue ? 'rgba(211,47,47,0.06)' : undefined,
                  '&:hover, &:focus-visible': { bgcolor: 'action.hover', outline: 'none' },
                }}
              >
                <Box role="cell" sx={{ ...cell, fontWeight: 500 }}>
                  {c.applicantName}
                </Box>
                <Box role="cell" sx={cell}>
                  {t(`programme.short.${c.programme}`)} · {caseAreaLabel(t, 'other', c.category)}
                </Box>
                <Box role="cell" sx={cell}>
                  <StatusChip status={c.status} />
                </Box>
                <Box role="cell" sx={cell}>
                  {c.applicationDate}
                </Box>
                <Box
                  role="cell"
                  sx={{
                    ...cell,
                    color: overdue ? 'error.main' : undefined,
                    fontWeight: overdue ? 700 : 400,
                  }}
                >
                  {c.decisionDue ?? '—'}
                  {overdue && ` · ${t('cases.overdue')}`}
                </Box>
                <Box role="cell" sx={{ ...cell, textAlign: 'right' }}>
                  ¥{formatFen(c.benefit.benefitFen)}
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
