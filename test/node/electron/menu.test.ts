import { describe, expect, it } from 'vitest';
import { menuLabels } from '../../../electron/menuLabels';
import { buildMenuTemplate } from '../../../electron/menuTemplate';

const windowsOptions = { isMac: false, showDevTools: false };

describe('menu label tables', () => {
  it('label every item in both languages', () => {
    const zhKeys = Object.keys(menuLabels['zh-CN']).sort();
    expect(Object.keys(menuLabels.en).sort()).toEqual(zhKeys);
    for (const labels of Object.values(menuLabels)) {
      for (const [key, label] of Object.entries(labels)) expect(label.trim(), key).not.toBe('');
    }
  });
});

describe('buildMenuTemplate', () => {
  it('shows 文件 / 编辑 / 视图 / 窗口 / 帮助 in Chinese', () => {
    const labels = buildMenuTemplate('zh-CN', windowsOptions).map((item) => item.label);
    expect(labels).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('shows File / Edit / View / Window / Help in English', () => {
    const labels = buildMenuTemplate('en', windowsOptions).map((item) => item.label);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('labels every submenu item (no English role default leaks into the Chinese menu)', () => {
    for (const menu of buildMenuTemplate('zh-CN', { isMac: false, showDevTools: true })) {
      const items = Array.isArray(menu.submenu) ? menu.submenu : [];
      for (const item of items) {
        if (item.type !== 'separator') expect(item.label, String(item.role)).toMatch(/\S/);
      }
    }
  });

  it('offers developer tools and Reload only when asked (unpackaged builds)', () => {
    const roles = (showDevTools: boolean) =>
      buildMenuTemplate('zh-CN', { isMac: false, showDevTools }).flatMap((menu) =>
        Array.isArray(menu.submenu) ? menu.submenu.map((item) => item.role) : [],
      );
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    // The packaged app has no Reload (nor its Ctrl+R / F5 accelerators, which come with it).
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('forceReload');
    expect(roles(true)).toContain('reload');
  });

  it('puts the app menu first and Quit inside it on macOS', () => {
    const template = buildMenuTemplate('zh-CN', { isMac: true, showDevTools: false });
    expect(template[0]?.label).toBe('民政工作台');
    const fileItems = Array.isArray(template[1]?.submenu) ? template[1].submenu : [];
    expect(fileItems.map((item) => item.role)).not.toContain('quit');
  });
});
