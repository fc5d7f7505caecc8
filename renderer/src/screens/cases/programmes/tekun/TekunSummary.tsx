import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { selfCareItems, tekunFactsSchema } from '@shared/programmes/tekun/facts';
import { failedItemCount } from '@shared/programmes/tekun/selfCare';
import type { AssistanceCase } from '../../../../db/repositories/cases';
import { residentPlace } from '../../../../db/repositories/tekunApplicant';
import { useT } from '../../../../i18n/useT';
import { useSession } from '../../../../state/session';
import { FactList } from '../../../common/FactList';

/**
 * A 特困 case's own facts as saved: the basis and conditions, the self-care assessment
 * and its level, the support form (the bed read from elderly care today), and while a
 * re-assessment runs, the day it is due.
 */
export function TekunSummary(props: { record: AssistanceCase; today: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const parsed = tekunFactsSchema.safeParse(props.record.programmeFacts);
  const residentId =
    parsed.success && parsed.data.support.form === 'institution'
      ? parsed.data.support.residentId
      : '';
  const place = useLiveQuery(
    async () => (residentId ? await residentPlace(db, residentId, props.today) : null),
    [db, residentId, props.today],
  );
  if (!parsed.success) return null;
  const f = parsed.data;
  const failed = selfCareItems.filter((i) => f.selfCare.items[i] === 'unable');
  const support =
    f.support.form === 'institution'
      ? place
        ? `${t('tekun.support.institution')}：${t('tekun.form.place', { institution: place.institution, building: place.building, room: place.room, bed: place.bed })}${place.staying ? '' : t('tekun.summary.notStaying')}`
        : t('tekun.support.institution')
      : `${t('tekun.support.home')}：${f.support.carerName} ${f.support.carerPhone}，${t('tekun.summary.agreement', { date: f.support.agreementDate })}`;
  const { record } = props;
  const due = record.status === 'reassessment' ? record.reviewDue : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="tekun-summary">
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5 }}>
        {t('programme.tekun')}
      </Typography>
      <FactList
        labelWidth={170}
        items={[
          [t('tekun.form.basis'), t(`tekun.basis.${f.basis}`)],
          [
            t('tekun.form.eligibility'),
            [
              f.noWorkCapacity ? t('tekun.form.noWorkCapacity') : '',
              f.noIncomeSource ? t('tekun.form.noIncomeSource') : '',
              t(`tekun.supporter.${f.supporter.status}`) +
                (f.supporter.note ? `（${f.supporter.note}）` : ''),
            ]
              .filter(Boolean)
              .join('；'),
          ],
          [
            t('tekun.summary.selfCare'),
            <span key="level">
              <Chip
                size="small"
                label={t(`tekun.level.${f.selfCare.level}`)}
                data-testid="tekun-summary-level"
                sx={{ mr: 1 }}
              />
              {t('tekun.summary.assessed', {
                date: f.selfCare.assessedOn,
                failed: failedItemCount(f.selfCare.items),
              })}
              {failed.length > 0 && `：${failed.map((i) => t(`tekun.item.${i}`)).join('、')}`}
            </span>,
          ],
          [t('tekun.form.support'), support],
          ...(due
            ? [
                [
                  t('tekun.summary.reassessDue'),
                  <span key="due" data-testid="tekun-reassess-due">
                    {due}
                    {due < props.today ? ` ${t('tekun.summary.overdue')}` : ''}
                  </span>,
                ] as [string, ReactNode],
              ]
            : []),
        ]}
      />
    </Paper>
  );
}
