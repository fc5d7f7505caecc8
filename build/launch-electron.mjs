// Starts the desk in Electron (npm start, after npm run build). Where the Electron
// binary was never downloaded, says so in Chinese and English and points to the
// browser build instead of failing with a stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electronBinary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// exitCode rather than process.exit(): on a Windows console stderr is asynchronous and
// exiting at once could cut the message short.
function launch() {
  const electron = findElectronBinary();
  if (!electron.found) {
    console.error(
      [
        '未安装 Electron 可执行文件，无法启动桌面版（安装依赖时可能设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）。',
        '获取方法：在能访问 Electron 镜像的电脑上执行 `npm install`，或执行 `node node_modules/electron/install.js`。',
        '现在也可以用浏览器版：`npm run web`。',
        '',
        'The Electron binary is not installed, so the desktop app cannot start',
        '(dependencies were probably installed with ELECTRON_SKIP_BINARY_DOWNLOAD).',
        'To get it: run `npm install` on a machine that can reach the Electron mirror,',
        'or run `node node_modules/electron/install.js`.',
        'Meanwhile, use the browser build: `npm run web`.',
        '',
        `(${electron.reason})`,
      ].join('\n'),
    );
    process.exitCode = 1;
    return;
  }

  if (!existsSync(new URL('../dist/electron/main.cjs', import.meta.url))) {
    console.error(
      '未找到 dist/electron/main.cjs，请先运行 `npm run build`。 / Run `npm run build` first.',
    );
    process.exitCode = 1;
    return;
  }

  const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => {
    console.error('无法启动 Electron / Could not start Electron:', error.message);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  // Ctrl+C in the terminal should close the app, not orphan it.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
}

launch();
