import { useLiveQuery } from 'dexie-react-hooks';
import { recordHistory } from '../../db/repositories/recordHistory';
import { useT } from '../../i18n/useT';
import { useSession } from '../../state/session';
import { RecordHistory } from '../common/RecordHistory';
import { caseFieldLabel, caseValueText, caseVersionsForHistory } from './caseVersions';

/**
 * 版本记录 of a case: each version, who wrote it and when, a correction's reason and what
 * it changed — the community ledger's history view, with the case's own field names.
 */
export function CaseVersions(props: { caseId: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const versions = useLiveQuery(
    () => recordHistory(db, 'assistanceCase', props.caseId),
    [db, props.caseId],
  );
  if (!versions) return null;
  return (
    <div data-testid="case-versions">
      <RecordHistory
        kind="assistanceCase"
        versions={caseVersionsForHistory(versions, t)}
        fields={{ label: caseFieldLabel, value: caseValueText }}
      />
    </div>
  );
}
