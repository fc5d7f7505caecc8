import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menuTemplate';
import { newFormOf } from '../../../renderer/src/keyboard/newForms';
import { createShortcutRegistry, shortcutOf } from '../../../renderer/src/keyboard/shortcuts';

const key = (
  k: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('keyboard shortcuts', () => {
  it('maps Ctrl/⌘+S, Ctrl/⌘+N and Esc, and nothing else', () => {
    expect(shortcutOf(key('s', { ctrl: true }))).toBe('save');
    expect(shortcutOf(key('S', { meta: true }))).toBe('save');
    expect(shortcutOf(key('n', { ctrl: true }))).toBe('new');
    expect(shortcutOf(key('Escape'))).toBe('cancel');
    expect(shortcutOf(key('s'))).toBeNull(); // typing an s
    expect(shortcutOf(key('s', { ctrl: true, shift: true }))).toBeNull();
    expect(shortcutOf(key('n', { ctrl: true, alt: true }))).toBeNull();
    expect(shortcutOf(key('c', { ctrl: true }))).toBeNull(); // copy stays copy
    expect(shortcutOf(key('Escape', { ctrl: true }))).toBeNull();
  });

  it('the innermost registration answers, in its scope; unregistering restores the one under it', () => {
    const registry = createShortcutRegistry();
    const calls: string[] = [];
    const offForm = registry.register('save', () => calls.push('form'));
    expect(registry.dispatch('save')).toBe(true);
    const offDialog = registry.register('save', () => calls.push('dialog'), 'dialog');
    // A dialog's save answers only in the dialog scope; the screen's form keeps its own.
    expect(registry.dispatch('save', 'dialog')).toBe(true);
    expect(registry.dispatch('save')).toBe(true);
    const offInner = registry.register('save', () => calls.push('inner form'));
    expect(registry.dispatch('save')).toBe(true);
    offInner();
    expect(registry.dispatch('save')).toBe(true);
    offDialog();
    expect(registry.dispatch('save', 'dialog')).toBe(false);
    expect(registry.has('new')).toBe(false);
    expect(registry.dispatch('new')).toBe(false);
    offForm();
    offForm(); // twice is harmless
    expect(registry.dispatch('save')).toBe(false);
    expect(calls).toEqual(['form', 'dialog', 'form', 'inner form', 'form']);
  });

  it('Ctrl+N opens the area’s new form where one exists', () => {
    expect(newFormOf({ name: 'persons' })).toEqual({ name: 'householdNew' });
    expect(newFormOf({ name: 'cases' })).toEqual({ name: 'caseNew' });
    expect(newFormOf({ name: 'elderlyResidents' })).toEqual({ name: 'elderlyResidentNew' });
    expect(newFormOf({ name: 'settings' })).toBeNull();
  });

  it('the Electron menu binds neither Ctrl+S nor Ctrl+N, so the page receives them', () => {
    for (const isMac of [false, true]) {
      const items = JSON.stringify(buildMenuTemplate('zh-CN', { isMac, showDevTools: true }));
      expect(items).not.toMatch(/"accelerator":"[^"]*\+[SN]"/i);
      // No role whose default accelerator is S or N (Electron has none for S; N would be a new window).
      expect(items).not.toMatch(/"role":"(save|new|newWindow)"/);
    }
  });
});
