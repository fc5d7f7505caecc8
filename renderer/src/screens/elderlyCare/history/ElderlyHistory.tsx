import { useLiveQuery } from 'dexie-react-hooks';
import { recordHistory } from '../../../db/repositories/recordHistory';
import { useSession } from '../../../state/session';
import { RecordHistory } from '../../common/RecordHistory';
import { elderlyHistoryFields } from './historyFields';

export type ElderlyHistoryKind =
  'elderlyInstitution' | 'elderlyBuilding' | 'elderlyRoom' | 'elderlyBed' | 'elderlyResident';

/** Every version of one 养老 record with who changed it, when, why and what. */
export function ElderlyHistory(props: { kind: ElderlyHistoryKind; id: string }) {
  const db = useSession((s) => s.db);
  const versions = useLiveQuery(
    () => recordHistory(db, props.kind, props.id),
    [db, props.kind, props.id],
  );
  return (
    <RecordHistory kind={props.kind} versions={versions ?? []} fields={elderlyHistoryFields} />
  );
}
