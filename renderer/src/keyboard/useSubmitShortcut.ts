import { useRef } from 'react';
import { useShortcut } from './useShortcut';

/**
 * Ctrl+S in a dialog whose form submits itself (`<form onSubmit>`): submits the form, so
 * the key runs exactly what its 保存 button does. Put the returned ref on the <form>; pass
 * `open` when the dialog stays mounted while closed.
 */
export function useSubmitShortcut(options: { busy?: boolean; open?: boolean } = {}) {
  const form = useRef<HTMLFormElement | null>(null);
  useShortcut(
    'save',
    () => {
      if (options.busy !== true) form.current?.requestSubmit();
    },
    { scope: 'dialog', enabled: options.open ?? true },
  );
  return form;
}
