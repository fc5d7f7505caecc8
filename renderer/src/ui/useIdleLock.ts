import { useEffect } from 'react';
import { useSession } from '../state/session';

const activityEvents = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'];

/**
 * Locks the session after `minutes` without keyboard, mouse or touch activity, so a
 * desk left open at a service window does not show people's assistance data to the
 * next visitor. Activity only stamps a time; a single timer re-arms itself for the
 * remaining time, so mouse movement costs nothing.
 */
export function useIdleLock(active: boolean, minutes: number): void {
  useEffect(() => {
    if (!active || !(minutes > 0)) return;
    const limitMs = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout>;

    const check = () => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= limitMs) useSession.getState().lock();
      else timer = setTimeout(check, limitMs - idleFor);
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };

    timer = setTimeout(check, limitMs);
    for (const name of activityEvents) {
      window.addEventListener(name, onActivity, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, true);
    };
  }, [active, minutes]);
}
