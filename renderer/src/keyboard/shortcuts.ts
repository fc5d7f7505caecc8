/**
 * The desk's keyboard shortcuts as data: which key is which action, and who answers it.
 * Forms, dialogs and areas register a handler for an action while they are on screen;
 * the LAST registered (the innermost: a dialog over its form) answers. Pure (no DOM), so
 * it is unit-tested; KeyboardShortcuts.tsx listens to the window and dispatches here.
 */
export type ShortcutAction = 'save' | 'new' | 'cancel';

/** Where a handler lives: a dialog answers only while a dialog is open, a screen only when none is. */
export type ShortcutScope = 'screen' | 'dialog';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+S (⌘S) saves, Ctrl+N (⌘N) opens the area's new form, Esc cancels; nothing else. */
export function shortcutOf(e: KeyLike): ShortcutAction | null {
  const command = e.ctrlKey || e.metaKey;
  if (command && !e.altKey && !e.shiftKey) {
    const key = e.key.toLowerCase();
    if (key === 's') return 'save';
    if (key === 'n') return 'new';
    return null;
  }
  if (e.key === 'Escape' && !command && !e.altKey && !e.shiftKey) return 'cancel';
  return null;
}

interface Entry {
  action: ShortcutAction;
  scope: ShortcutScope;
  handler: () => void;
}

export function createShortcutRegistry() {
  const entries: Entry[] = [];
  return {
    /** Registers a handler; the returned function unregisters exactly this one. */
    register(action: ShortcutAction, handler: () => void, scope: ShortcutScope = 'screen') {
      const entry: Entry = { action, scope, handler };
      entries.push(entry);
      return () => {
        const at = entries.indexOf(entry);
        if (at >= 0) entries.splice(at, 1);
      };
    },
    /** Runs the innermost handler of the action in the scope; false when none answers. */
    dispatch(action: ShortcutAction, scope: ShortcutScope = 'screen'): boolean {
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const entry = entries[i];
        if (entry && entry.action === action && entry.scope === scope) {
          entry.handler();
          return true;
        }
      }
      return false;
    },
    /** Whether anything answers the action in the scope (e.g. to swallow Ctrl+S or not). */
    has(action: ShortcutAction, scope: ShortcutScope = 'screen'): boolean {
      return entries.some((e) => e.action === action && e.scope === scope);
    },
  };
}

export type ShortcutRegistry = ReturnType<typeof createShortcutRegistry>;

/** The one registry of the running desk. */
export const shortcuts = createShortcutRegistry();
