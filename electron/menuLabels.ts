/**
 * Words of the application menu, zh-CN first. A plain table so a test can check that
 * both languages label every item; menuTemplate.ts decides what the items do.
 */
import type { MenuLanguage } from '@shared/ipc/contract';

export interface MenuLabels {
  appName: string;
  file: string;
  closeWindow: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  window: string;
  minimize: string;
  help: string;
  about: string;
}

export const menuLabels: Readonly<Record<MenuLanguage, MenuLabels>> = {
  'zh-CN': {
    appName: '民政工作台',
    file: '文件',
    closeWindow: '关闭窗口',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    toggleFullScreen: '全屏',
    window: '窗口',
    minimize: '最小化',
    help: '帮助',
    about: '关于民政工作台',
  },
  en: {
    appName: 'Civil Affairs Desk',
    file: 'File',
    closeWindow: 'Close Window',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    help: 'Help',
    about: 'About Civil Affairs Desk',
  },
};
