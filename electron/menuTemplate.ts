/**
 * The application menu as data: 文件 / 编辑 / 视图 / 窗口 / 帮助. Items use Electron
 * roles so copy/paste, zoom and quit behave natively; only the labels are ours.
 * Pure (types-only electron import) so the shape is unit-tested.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuLanguage } from '@shared/ipc/contract';
import { menuLabels } from './menuLabels';

export interface MenuTemplateOptions {
  /** macOS wants the app-name menu first and Quit inside it. */
  isMac: boolean;
  /**
   * Developer tools and 重新加载 only in unpackaged builds: office users should never land
   * in the tools, and a reload would drop typed work and restart the login throttle's
   * page (issue #16).
   */
  showDevTools: boolean;
}

export function buildMenuTemplate(
  language: MenuLanguage,
  options: MenuTemplateOptions,
): MenuItemConstructorOptions[] {
  const t = menuLabels[language];
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { role: 'close', label: t.closeWindow },
        ...(options.isMac
          ? []
          : [{ type: 'separator' } as const, { role: 'quit', label: t.quit } as const]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...(options.showDevTools
          ? ([
              { role: 'reload', label: t.reload },
              { role: 'toggleDevTools', label: t.toggleDevTools },
            ] as const)
          : []),
        { type: 'separator' },
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.toggleFullScreen },
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.closeWindow },
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [{ role: 'about', label: t.about }],
    },
  ];
  if (options.isMac) {
    template.unshift({
      label: t.appName,
      submenu: [
        { role: 'about', label: t.about },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  }
  return template;
}
