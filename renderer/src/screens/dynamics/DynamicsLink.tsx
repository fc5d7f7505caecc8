import Button from '@mui/material/Button';
import { isOpenCase } from '@shared/programmes/caseEngine';
import type { AssistanceCase } from '../../db/repositories/cases';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';

/** From a case being paid to its 动态管理 screen (review, head of household changed). */
export function DynamicsLink(props: { record: AssistanceCase }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const { record } = props;
  if (record.paymentFrom === null || !isOpenCase(record)) return null;
  return (
    <Button
      variant="outlined"
      onClick={() => navigate({ name: 'caseReview', id: record.id })}
      data-testid="case-dynamics"
    >
      {t('nav.dynamics')}
    </Button>
  );
}
