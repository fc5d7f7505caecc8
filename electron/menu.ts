/** Installs the application menu in the language the renderer chose (runs in main). */
import { app, Menu } from 'electron';
import type { MenuLanguage } from '@shared/ipc/contract';
import { menuLabels } from './menuLabels';
import { buildMenuTemplate } from './menuTemplate';

export function applyApplicationMenu(language: MenuLanguage): void {
  // The Help → About panel shows the product name in the same language as the menu.
  app.setAboutPanelOptions({
    applicationName: menuLabels[language].appName,
    applicationVersion: app.getVersion(),
  });
  const template = buildMenuTemplate(language, {
    isMac: process.platform === 'darwin',
    showDevTools: !app.isPackaged,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
