import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { ConfirmDialog } from '../screens/common/ConfirmDialog';
import { useShortcut } from './useShortcut';

/**
 * A form screen's keys: Ctrl+S runs its save (the very function of its save button, so the
 * same checks), Esc goes back without saving — asking first when `dirty` (what was typed
 * is not kept elsewhere; a form autosaved as a draft passes false). Render the returned
 * node (the question) in the form.
 */
export function useFormShortcuts(props: {
  save: () => void;
  back: () => void;
  dirty?: boolean;
  saving?: boolean;
}): ReactNode {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  useShortcut('save', () => {
    if (!props.saving) props.save();
  });
  useShortcut('cancel', () => (props.dirty ? setAsking(true) : props.back()));
  if (!asking) return null;
  return (
    <ConfirmDialog
      title={t('keyboard.leave.title')}
      text={t('keyboard.leave.text')}
      confirmLabel={t('keyboard.leave.confirm')}
      cancelLabel={t('keyboard.leave.stay')}
      onCancel={() => setAsking(false)}
      onConfirm={() => {
        setAsking(false);
        props.back();
      }}
      confirmTestId="confirm-leave"
    />
  );
}
