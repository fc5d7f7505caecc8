import { useEffect, useRef } from 'react';
import { shortcuts, type ShortcutAction, type ShortcutScope } from './shortcuts';

/**
 * Answers a shortcut while the calling component is on screen (and `enabled`): the
 * handler is always the latest render's, so it sees the form's current values.
 */
export function useShortcut(
  action: ShortcutAction,
  handler: () => void,
  options: { scope?: ShortcutScope; enabled?: boolean } = {},
) {
  const latest = useRef(handler);
  // Kept current after each render (an effect: refs are not written while rendering).
  useEffect(() => {
    latest.current = handler;
  });
  const scope = options.scope ?? 'screen';
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return undefined;
    return shortcuts.register(action, () => latest.current(), scope);
  }, [action, scope, enabled]);
}
