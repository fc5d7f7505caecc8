import { describe, expect, it } from 'vitest';
import {
  cssString,
  pageCounterContent,
  pageMarginCss,
} from '../../../renderer/src/screens/common/runningHeader';

/** The page header's CSS: the office's own text can never end its string or the rule. */
describe('the running header of a printed paper', () => {
  it('writes any text as one CSS string', () => {
    expect(cssString('城关镇民政办')).toBe('"城关镇民政办"');
    const hostile = cssString('办"; } body { display:none } </style>\\\n');
    expect(hostile).toBe('"办\\22 ; } body { display:none } \\3c /style\\3e \\5c \\a "');
    // One string: no unescaped quote inside it.
    expect(hostile.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
  });

  it('puts the page counters in the page line, in either language', () => {
    expect(pageCounterContent('第 {page} 页 共 {pages} 页')).toBe(
      '"第 " counter(page) " 页 共 " counter(pages) " 页"',
    );
    expect(pageCounterContent('Page {page} of {pages}')).toBe(
      '"Page " counter(page) " of " counter(pages)',
    );
    const css = pageMarginCss(
      { office: '城关镇民政办', title: '户籍登记表', date: '2026-12-05' },
      '第 {page} 页 共 {pages} 页',
    );
    expect(css).toContain('@top-left { content: "城关镇民政办";');
    expect(css).toContain('@top-center { content: "户籍登记表";');
    expect(css).toContain('@top-right { content: "2026-12-05";');
    expect(css).toContain('@bottom-center { content: "第 " counter(page)');
  });
});
