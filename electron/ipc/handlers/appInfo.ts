/** 'app:getInfo': versions for the About screen and bug reports. */
import type { App } from 'electron';
import type { IpcHandlers } from '../registerHandlers';

export interface AppInfoDeps {
  app: Pick<App, 'getVersion' | 'isPackaged'>;
  platform: string;
  versions: { electron?: string; chrome?: string };
}

export function appInfoHandlers(deps: AppInfoDeps): Pick<IpcHandlers, 'app:getInfo'> {
  return {
    'app:getInfo': () => ({
      appVersion: deps.app.getVersion(),
      platform: deps.platform,
      electronVersion: deps.versions.electron ?? null,
      chromeVersion: deps.versions.chrome ?? null,
      isPackaged: deps.app.isPackaged,
    }),
  };
}
