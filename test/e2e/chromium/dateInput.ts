import type { Locator, Page } from 'playwright-core';

/**
 * The desk's date fields (@mui/x-date-pickers) are typed part by part: 年, 月, 日 are
 * sections of a group named by the field's label. These helpers do what a registrar
 * does: click the field, clear it, type the digits (the sections fill and move on).
 */
export function dateGroup(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label });
}

/** Types 'YYYY-MM-DD' (or 'YYYY-MM') into the date field labelled `label`. */
export async function typeDate(scope: Page | Locator, label: string, value: string) {
  const page = 'page' in scope ? scope.page() : scope;
  const group = dateGroup(scope, label);
  await group.locator('[role="spinbutton"]').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value.replaceAll('-', ''));
}

/** What the date field shows, as the store's 'YYYY-MM-DD' (or 'YYYY-MM'); '' when empty. */
export async function dateShown(scope: Page | Locator, label: string): Promise<string> {
  const sections = await dateGroup(scope, label).locator('[role="spinbutton"]').allInnerTexts();
  const digits = sections.map((s) => s.trim());
  return digits.every((d) => /^\d+$/.test(d)) ? digits.join('-') : '';
}

/** Whether the date field labelled `label` is read-only (its sections cannot be typed in). */
export async function dateReadOnly(scope: Page | Locator, label: string): Promise<boolean> {
  const first = dateGroup(scope, label).locator('[role="spinbutton"]').first();
  return (await first.getAttribute('aria-readonly')) === 'true';
}
