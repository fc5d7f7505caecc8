import Box from '@mui/material/Box';
import type { AuthorisationPaper } from '@shared/papers/authorisation';
import { maskIdForPaper } from '@shared/papers/publicText';
import { useT } from '../../i18n/useT';
import { relationLabel } from '../common/labels';
import { SignatureLine, Sheet, Title, programmeName } from './paperParts';

/** One 授权书 per adult covered member, each on its own sheet, the applicant's first. */
export function AuthorisationDocument(props: {
  paper: AuthorisationPaper;
  /** Full ID numbers only while a logged print runs (usePaperOutput's `unmasked`). */
  fullIds: boolean;
  testId?: string;
}) {
  const { t } = useT();
  const p = props.paper;
  const shownId = (id: string) => (props.fullIds ? id : maskIdForPaper(id));
  return (
    <Box data-testid={props.testId}>
      {p.pages.map((page, index) => (
        <Sheet key={page.personId} page testId="authorisation-page">
          <Title>{t('papers.auth.title')}</Title>
          <Box component="p" sx={{ textIndent: '2em', mt: 2, mb: 1 }}>
            {page.isApplicant
              ? t('papers.auth.whoSelf', { name: page.name, id: shownId(page.idNumber) })
              : t('papers.auth.who', {
                  name: page.name,
                  id: shownId(page.idNumber),
                  applicant: p.applicantName,
                  relation: page.relation ? relationLabel(t, page.relation) : '—',
                })}
            {t('papers.auth.body', {
              programme: programmeName(t, p.programme),
              office: p.officeName,
            })}
          </Box>
          <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
            {t('papers.auth.use')}
          </Box>
          <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
            {t('papers.auth.promise')}
          </Box>
          {index === 0 && p.minors.length > 0 && (
            <Box component="p" sx={{ textIndent: '2em', my: 1 }}>
              {t('papers.auth.minors', { names: p.minors.join('、') })}
            </Box>
          )}
          <Box sx={{ mt: 6, ml: 'auto', width: 'fit-content', minWidth: '55%' }}>
            <SignatureLine label={t('papers.auth.signer')} date={t('papers.dateLine')} />
          </Box>
        </Sheet>
      ))}
    </Box>
  );
}
