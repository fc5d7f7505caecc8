import { useEffect } from 'react';
import { useRouter } from '../state/router';
import { useSession } from '../state/session';
import { newFormOf } from './newForms';
import { shortcutOf, shortcuts } from './shortcuts';
import { useShortcut } from './useShortcut';

/** Whether a dialog is open over the screen. */
function dialogOpen(): boolean {
  return document.querySelector('.MuiDialog-root') !== null;
}

/**
 * Listens to the keyboard once for the whole shell and hands Ctrl+S / Ctrl+N / Esc to
 * whoever registered for them (useShortcut): an open dialog's own save first; Esc in a
 * dialog is the dialog's (MUI closes it), Esc on a form screen goes back. Also answers
 * Ctrl+N for the areas that have a new form.
 */
export function KeyboardShortcuts() {
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const target = newFormOf(route);
  useShortcut('new', () => target && navigate(target), { enabled: target !== null });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action || event.defaultPrevented) return;
      // An open calendar popup or menu takes its own Esc.
      if (
        action === 'cancel' &&
        document.querySelector('.MuiPopper-root:not(.MuiTooltip-popper), .MuiPopover-root')
      )
        return;
      if (action === 'save') event.preventDefault(); // never the browser's 另存为
      // Locked (锁屏): nothing under the lock is the keyboard's. Its Ctrl+S saved the
      // dialog left open under it, as the person who locked it — an account added, or a
      // password changed, which opened the desk again.
      if (useSession.getState().phase !== 'ready') return;
      const inDialog = dialogOpen();
      if (inDialog && action !== 'save') return;
      const scope = inDialog ? 'dialog' : 'screen';
      if (!shortcuts.has(action, scope)) return;
      event.preventDefault();
      // A typed value is committed on blur by some fields: save what is on screen.
      shortcuts.dispatch(action, scope);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
