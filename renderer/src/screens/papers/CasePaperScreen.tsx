import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AppError } from '@shared/errors/appError';
import { buildApprovalForm } from '@shared/papers/approvalForm';
import { buildAuthorisation } from '@shared/papers/authorisation';
import { maskIdForPaper } from '@shared/papers/publicText';
import { buildRefusal } from '@shared/papers/refusal';
import type { PaperKind } from '@shared/programmes/types';
import { isMessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { ErrorSummary } from '../common/ErrorSummary';
import { todayDate } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { PrintOnly } from '../common/PrintOnly';
import { ApprovalFormDocument } from './ApprovalFormDocument';
import { AuthorisationDocument } from './AuthorisationDocument';
import { usePaperOutput } from './PaperActions';
import { casePaperRecords } from '../../db/repositories/papers/paperRecords';
import { RefusalDocument } from './RefusalDocument';

type CaseRecords = NonNullable<Awaited<ReturnType<typeof casePaperRecords>>>;

function buildDocument(kind: PaperKind, r: CaseRecords, today: string) {
  switch (kind) {
    case 'refusal':
      return { kind, paper: buildRefusal(r) } as const;
    case 'approvalForm':
      return { kind, paper: buildApprovalForm(r) } as const;
    case 'authorisation':
      return { kind, paper: buildAuthorisation({ ...r, today }) } as const;
    case 'noticeList':
      return null;
  }
}

type Built = ReturnType<typeof buildDocument>;

/**
 * One paper of a case, as it will print: the preview on screen and, through PrintOnly,
 * the only thing the print stylesheet lays out on A4. A paper the case cannot have yet
 * (a refusal of a case not refused) says why instead.
 */
export function CasePaperScreen({ id, paper }: { id: string; paper: PaperKind }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const errors = useFieldErrors();
  const records = useLiveQuery(async () => (await casePaperRecords(db, id)) ?? null, [db, id]);
  const today = todayDate();
  const built = useMemo((): { doc: Built; refusedWith: string | null } => {
    if (!records) return { doc: null, refusedWith: null };
    try {
      return { doc: buildDocument(paper, records, today), refusedWith: null };
    } catch (thrown) {
      if (!(thrown instanceof AppError)) throw thrown;
      const first = thrown.fieldErrors[0];
      const code = first?.code ?? '';
      return {
        doc: null,
        refusedWith: isMessageKey(code) ? t(code, first?.params) : thrown.message,
      };
    }
  }, [records, paper, today, t]);
  const applicant = records?.persons.find((p) => p.id === records.record.applicantPersonId);
  const output = usePaperOutput({
    paper,
    subjects:
      records && built.doc
        ? [{ caseId: id, maskedId: applicant ? maskIdForPaper(applicant.idNumber) : '' }]
        : null,
    fileName: `${t(`papers.kind.${paper}`)}-${records?.record.applicantName ?? ''}.pdf`,
    errors,
  });

  if (records === undefined) return null;
  const back = () => navigate({ name: 'case', id });
  const title = t(`papers.kind.${paper}`);
  if (records === null) {
    return (
      <Stack spacing={2}>
        <PageHeader title={title} onBack={() => navigate({ name: 'cases' })} />
        <Alert severity="warning">{t('papers.notFound')}</Alert>
      </Stack>
    );
  }
  const document = (fullIds: boolean, testId?: string) => {
    const doc = built.doc;
    if (!doc) return null;
    switch (doc.kind) {
      case 'refusal':
        return <RefusalDocument paper={doc.paper} testId={testId} />;
      case 'approvalForm':
        return (
          <ApprovalFormDocument
            paper={doc.paper}
            printedOn={today}
            fullIds={fullIds}
            testId={testId}
          />
        );
      case 'authorisation':
        return <AuthorisationDocument paper={doc.paper} fullIds={fullIds} testId={testId} />;
    }
  };
  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader
        title={`${title} · ${records.record.applicantName}`}
        onBack={back}
        actions={output.buttons}
      />
      {output.saved}
      <ErrorSummary error={errors.error} summary={errors.summary} />
      {built.refusedWith ? (
        <Alert severity="info" data-testid="paper-unavailable">
          {built.refusedWith}
        </Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('papers.logged')}
          </Typography>
          <Paper sx={{ p: 4 }}>{document(false, 'case-paper')}</Paper>
          <PrintOnly running={{ office: records.office.officeName, title, date: today }}>
            {document(output.unmasked)}
          </PrintOnly>
        </>
      )}
    </Stack>
  );
}
