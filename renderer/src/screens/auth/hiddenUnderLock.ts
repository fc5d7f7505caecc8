import { useLayoutEffect, type RefObject } from 'react';

/**
 * While the lock screen shows, everything else on the page is hidden and inert: the
 * shell under it (kept mounted, so unsaved work survives the lock), its dialogs and
 * snackbars, a paper waiting to print — and any portal opened while locked (a sync's
 * message, an export's end). The lock covered them only to the eye: Ctrl+A at the lock
 * screen selected the shell's text (a revealed ID number, the accounts table) for Ctrl+C,
 * Ctrl+P printed a mounted paper, and snackbars drew above the lock. `inert` takes them
 * out of selection, focus and the keyboard; `visibility: hidden` out of print and sight.
 * What each element had is put back at the unlock.
 *
 * `own`: an element inside the lock screen; the page's top-level element that holds it
 * (the lock dialog's portal) stays as it is.
 */
export function useHiddenUnderLock(own: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const lock = topLevelOf(own.current);
    const hidden = new Map<HTMLElement, { inert: boolean; visibility: string }>();
    const hide = (node: Node) => {
      if (!(node instanceof HTMLElement) || node === lock || hidden.has(node)) return;
      hidden.set(node, { inert: node.inert, visibility: node.style.visibility });
      node.inert = true;
      node.style.visibility = 'hidden';
    };
    for (const child of Array.from(document.body.children)) hide(child);
    const added = new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(hide);
    });
    added.observe(document.body, { childList: true });
    return () => {
      added.disconnect();
      for (const [node, was] of hidden) {
        node.inert = was.inert;
        node.style.visibility = was.visibility;
      }
    };
  }, [own]);
}

/** The child of <body> that holds `element` (null when it is not in the page). */
function topLevelOf(element: HTMLElement | null): HTMLElement | null {
  let at = element;
  while (at && at.parentElement !== document.body) at = at.parentElement;
  return at;
}
