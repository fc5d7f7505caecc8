/**
 * A printed paper's running header and page numbers as CSS @page margin boxes (Chromium
 * lays them out in the print dialog and in printToPDF alike): the office at the top
 * left, the paper's title in the middle, the print date at the right, and the page
 * line ("第 {page} 页 共 {pages} 页") at the foot. The office name and title are the
 * office's own text: each is written as a CSS string with every character that could
 * end it or the rule escaped.
 */
export interface RunningHeader {
  office: string;
  title: string;
  /** The print date, 'YYYY-MM-DD'. */
  date: string;
}

/** A CSS string literal of any text: quotes, backslashes, braces and controls escaped. */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f || ch === '"' || ch === '\\' || ch === '<' || ch === '>')
        return `\\${code.toString(16)} `;
      return ch;
    })
    .join('');
  return `"${escaped}"`;
}

/** '第 {page} 页 共 {pages} 页' → `"第 " counter(page) " 页 共 " counter(pages) " 页"`. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

const marginFont = `font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 9pt; color: #333;`;

export function pageMarginCss(header: RunningHeader, pageTemplate: string): string {
  return `@media print {
  @page {
    @top-left { content: ${cssString(header.office)}; ${marginFont} vertical-align: bottom; }
    @top-center { content: ${cssString(header.title)}; ${marginFont} vertical-align: bottom; }
    @top-right { content: ${cssString(header.date)}; ${marginFont} vertical-align: bottom; }
    @bottom-center { content: ${pageCounterContent(pageTemplate)}; ${marginFont} vertical-align: top; }
  }
}`;
}
