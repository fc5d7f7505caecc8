import { useEffect, useRef } from 'react';

const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once no key, click or scroll happened for `minutes`. HQ ends the
 * session at the same idle time on its side whatever the page does; this only makes
 * the page show it instead of failing on the next click.
 */
export function useIdleSignOut(minutes: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), minutes * 60_000);
    };
    restart();
    for (const name of activity) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activity) window.removeEventListener(name, restart);
    };
  }, [minutes]);
}
