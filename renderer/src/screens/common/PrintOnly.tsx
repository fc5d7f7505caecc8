import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import GlobalStyles from '@mui/material/GlobalStyles';
import { useT } from '../../i18n/useT';
import { pageMarginCss, type RunningHeader } from './runningHeader';

export type { RunningHeader } from './runningHeader';

/*
 * The print stylesheet: on paper (and in Electron's printToPDF, which uses print media)
 * the whole app is hidden and only this node, a direct child of <body>, is laid out on
 * A4. A separate node, not the on-screen preview, so the app's scrolling frame and
 * fixed heights can never clip or split a paper. Shared by every printed paper (志愿服务
 * 证明, the case papers, the 公示 list, the 户籍登记表, 花名册 and 月度统计): a long table
 * repeats its header on each page and never splits a row; `.print-page` starts a new
 * sheet (one 授权书 per signer); a `.print-keep` block (signature boxes) is not split
 * across pages. With a `running` header, every page carries the office, the paper's
 * title and the print date at its top and 第 N 页 共 M 页 at its foot (CSS @page margin
 * boxes: the same in the print dialog and in printToPDF).
 */
const printStyles = `
  .desk-print-only { display: none; }
  @media print {
    @page { size: A4; margin: 18mm 16mm; }
    html, body { background: #fff !important; height: auto !important; }
    body > #root { display: none !important; }
    .desk-print-only { display: block; }
    .desk-print-only thead { display: table-header-group; }
    .desk-print-only tr, .desk-print-only .print-keep { break-inside: avoid; }
    .desk-print-only .print-page + .print-page { break-before: page; }
  }
`;

export function PrintOnly(props: { children: ReactNode; running?: RunningHeader }) {
  const { t } = useT();
  const margins = props.running ? pageMarginCss(props.running, t('print.pageOf')) : null;
  return (
    <>
      <GlobalStyles styles={printStyles} />
      {createPortal(
        <div className="desk-print-only">
          {/* A plain <style>: the @page margin boxes, as text React escapes for the DOM. */}
          {margins && <style data-testid="print-running-header">{margins}</style>}
          {props.children}
        </div>,
        document.body,
      )}
    </>
  );
}
