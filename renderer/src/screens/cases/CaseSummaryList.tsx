import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatFen } from '@shared/money/fen';
import { isOverdue } from '@shared/programmes/decisionClock';
import type { AssistanceCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { categoryLabel, todayDate } from '../common/labels';
import { StatusChip } from './StatusChip';

/** The cases of a person or household, newest first, each opening the case screen. */
export function CaseSummaryList(props: { cases: AssistanceCase[] }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const today = todayDate();
  if (props.cases.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('cases.none')}
      </Typography>
    );
  }
  const sorted = [...props.cases].sort((a, b) =>
    b.applicationDate.localeCompare(a.applicationDate),
  );
  return (
    <List disablePadding>
      {sorted.map((c) => {
        const overdue = isOverdue(c, today);
        return (
          <ListItemButton
            key={c.id}
            divider
            onClick={() => navigate({ name: 'case', id: c.id })}
            data-testid="case-summary"
          >
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', width: '100%' }}>
              <Typography sx={{ minWidth: 96 }}>{c.applicationDate}</Typography>
              <Typography sx={{ minWidth: 80 }}>{c.applicantName}</Typography>
              <Typography sx={{ minWidth: 80 }} color="text.secondary">
                {categoryLabel(t, c.category)}
              </Typography>
              <StatusChip status={c.status} />
              {overdue && (
                <Typography color="error" variant="body2" sx={{ fontWeight: 600 }}>
                  {t('cases.overdue')}
                </Typography>
              )}
              <Typography sx={{ flexGrow: 1, textAlign: 'right', fontWeight: 500 }}>
                ¥{formatFen(c.benefit.benefitFen)}
              </Typography>
            </Stack>
          </ListItemButton>
        );
      })}
    </List>
  );
}
