import { useEffect, useState } from 'react';
import { logAccess } from '../../db/repositories/accessLog';
import { useSession, writeContext } from '../../state/session';

/**
 * A look at a person's or case's sensitive fields is logged before they show (issue #16
 * item 3; PIPL): once per opening of the screen for that subject, as an access-log entry
 * on the desk's chain. 'pending' until written; 'failed' if it could not be (then the
 * screen shows nothing of the subject: no log, no display).
 */
export function useLoggedView(
  subject: { kind: 'person' | 'assistanceCase'; id: string; masked: string } | null,
): 'pending' | 'logged' | 'failed' {
  const db = useSession((s) => s.db);
  const [state, setState] = useState<{ id: string; status: 'logged' | 'failed' } | null>(null);
  const subjectId = subject?.id ?? null;
  const kind = subject?.kind;
  const masked = subject?.masked ?? '';
  useEffect(() => {
    if (!subjectId || !kind) return undefined;
    let current = true;
    logAccess(db, writeContext(), {
      action: 'view',
      subjectKind: kind,
      subjectId,
      maskedSubject: masked,
    }).then(
      () => current && setState({ id: subjectId, status: 'logged' }),
      () => current && setState({ id: subjectId, status: 'failed' }),
    );
    return () => {
      current = false;
    };
    // Logged once per subject opened, not again when its masked text is re-rendered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, subjectId, kind]);
  if (!subjectId || state?.id !== subjectId) return 'pending';
  return state.status;
}
