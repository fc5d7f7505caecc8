/**
 * The app's own chunk could not be fetched or run (a damaged install, a file removed, a
 * script error at load):
 * said on the page, Chinese first and English under it, since the i18n and React came
 * with that chunk.
 */
export function showStartFailure(error: unknown): void {
  console.error(error);
  const root = document.getElementById('root');
  if (!root) return;
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'margin: 20vh auto; max-width: 32em; padding: 0 16px; font: 16px sans-serif;';
  for (const line of [
    '民政工作台无法启动：程序未能载入。请关闭后重新打开；仍不行请重新安装，或联系县局。',
    'The desk could not start: its program did not load. Close it and open it again; if that fails, reinstall it or call the county bureau.',
  ]) {
    const p = document.createElement('p');
    p.textContent = line;
    box.append(p);
  }
  root.replaceChildren(box);
}
