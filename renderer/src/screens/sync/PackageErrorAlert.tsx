import { Alert, Button } from '@mui/material';
import type { AppErrorData } from '@shared/errors/appError';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { isDuplicatePackage, needsEnrollment, packageErrorText } from './packageText';

/**
 * Why a package could not be made or imported, in words. A package imported before is
 * information (nothing changed), not a failure; a desk without keys is sent to enroll.
 */
export function PackageErrorAlert(props: { error: AppErrorData; testId: string }) {
  const { t } = useT();
  const navigate = useRouter((s) => s.navigate);
  const { error } = props;
  return (
    <Alert
      severity={isDuplicatePackage(error) ? 'info' : 'error'}
      data-testid={props.testId}
      action={
        needsEnrollment(error) ? (
          <Button color="inherit" size="small" onClick={() => navigate({ name: 'syncSettings' })}>
            {t('packages.goEnroll')}
          </Button>
        ) : undefined
      }
    >
      {packageErrorText(t, error)}
    </Alert>
  );
}
