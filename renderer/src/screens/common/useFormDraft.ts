import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, loadDraft, saveDraft } from '../../db/repositories/drafts';
import { useSession } from '../../state/session';

const debounceMs = 500;

interface DraftState<T> {
  loaded: boolean;
  /** True when the form was filled from a stored draft, to tell the registrar so. */
  restored: boolean;
  /** Only edits are saved: opening an empty form must not leave an empty draft behind. */
  dirty: boolean;
  value: T;
}

/**
 * Form state that survives closing the app, per user: loaded from the draft store once, saved
 * ~500 ms after the last edit, flushed when the screen unmounts, and removed by
 * discard() after a successful save. `adopt` turns a stored draft (possibly from an
 * older version of the form) into a current value; it must be stable (useCallback).
 */
export function useFormDraft<T>(
  formKey: string,
  initial: () => T,
  adopt: (stored: unknown) => T | null,
) {
  const db = useSession((s) => s.db);
  // Drafts belong to the user who typed them: a colleague logging in at the same desk
  // never sees (or saves as their own) someone else's half-filled form.
  const userId = useSession((s) => s.user?.id ?? 'nobody');
  const key = `${userId}:${formKey}`;
  const [state, setState] = useState<DraftState<T>>(() => ({
    loaded: false,
    restored: false,
    dirty: false,
    value: initial(),
  }));
  const pending = useRef<T | null>(null);
  const discarded = useRef(false);

  useEffect(() => {
    let live = true;
    loadDraft<unknown>(db, key)
      .then((stored) => {
        const value = stored === undefined ? null : adopt(stored);
        if (live) {
          setState((s) => ({
            ...s,
            loaded: true,
            restored: value !== null,
            value: value ?? s.value,
          }));
        }
      })
      // A broken draft store must not block the form: start empty.
      .catch(() => live && setState((s) => ({ ...s, loaded: true })));
    return () => {
      live = false;
    };
  }, [db, key, adopt]);

  useEffect(() => {
    if (!state.loaded || !state.dirty || discarded.current) return;
    pending.current = state.value;
    const timer = setTimeout(() => {
      pending.current = null;
      if (!discarded.current) void saveDraft(db, key, state.value);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [db, key, state.loaded, state.dirty, state.value]);

  // Leaving the screen within the debounce window must not lose the last keystrokes.
  useEffect(
    () => () => {
      if (pending.current !== null && !discarded.current) void saveDraft(db, key, pending.current);
    },
    [db, key],
  );

  const update = useCallback((change: (value: T) => T) => {
    setState((s) => ({ ...s, dirty: true, value: change(s.value) }));
  }, []);

  /** After a successful save: stop autosaving and remove the stored draft. */
  const discard = useCallback(async () => {
    discarded.current = true;
    pending.current = null;
    await clearDraft(db, key);
  }, [db, key]);

  /** "Clear form": start again empty and forget the stored draft. */
  const reset = useCallback(
    async (value: T) => {
      pending.current = null;
      setState({ loaded: true, restored: false, dirty: false, value });
      await clearDraft(db, key);
    },
    [db, key],
  );

  return { ...state, update, discard, reset };
}
