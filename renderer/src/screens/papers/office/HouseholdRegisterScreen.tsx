import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { maskIdForPaper } from '@shared/papers/publicText';
import { householdFormRecords } from '../../../db/repositories/papers/officePaperRecords';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { useFieldErrors } from '../../../ui/useFieldErrors';
import { ErrorSummary } from '../../common/ErrorSummary';
import { todayDate } from '../../common/labels';
import { PageHeader } from '../../common/PageHeader';
import { PrintOnly } from '../../common/PrintOnly';
import { useHeldWhile } from '../useHeldWhile';
import { usePaperOutput } from '../PaperActions';
import { HouseholdRegisterDocument } from './HouseholdRegisterDocument';

/**
 * A household's 户籍登记表 as it will print: masked ID numbers on screen, the full ones
 * only in a logged print or PDF (access-log entries naming the household and each member).
 */
export function HouseholdRegisterScreen({ id }: { id: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const paper = useLiveQuery(async () => householdFormRecords(db, id), [db, id]);
  const today = todayDate();
  const title = t('print.household.title');
  const output = usePaperOutput({
    paper: 'householdForm',
    // The household, and each member whose full ID number the paper prints: a member's
    // 谁查看过 shows the print as well.
    subjects: paper
      ? [
          {
            caseId: paper.householdId,
            kind: 'household',
            maskedId: maskIdForPaper(paper.headIdNumber),
          },
          ...paper.members
            .filter((m) => m.idNumber !== '')
            .map((m) => ({
              caseId: m.personId,
              kind: 'person' as const,
              maskedId: maskIdForPaper(m.idNumber),
            })),
        ]
      : null,
    fileName: `${title}-${paper?.headName ?? ''}.pdf`,
    errors,
  });
  // What was logged is what prints: held still while the full numbers show.
  const shown = useHeldWhile(output.unmasked, paper);
  if (paper === undefined) return null;
  const back = () => navigate({ name: 'household', id });
  if (paper === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={title} onBack={() => navigate({ name: 'persons' })} />
        <Alert severity="warning">{t('registry.household.notFound')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader title={`${title} · ${paper.headName}`} onBack={back} actions={output.buttons} />
      {output.saved}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      <Typography variant="body2" color="text.secondary">
        {t('print.maskedNote')}
      </Typography>
      <Paper sx={{ p: 4 }}>
        <HouseholdRegisterDocument
          paper={paper}
          printedOn={today}
          fullIds={false}
          testId="household-form"
        />
      </Paper>
      <PrintOnly running={{ office: paper.officeName, title, date: today }}>
        <HouseholdRegisterDocument
          paper={shown ?? paper}
          printedOn={today}
          fullIds={output.unmasked}
        />
      </PrintOnly>
    </Stack>
  );
}
