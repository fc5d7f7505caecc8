import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import GlobalStyles from '@mui/material/GlobalStyles';

/*
 * The print stylesheet: on paper (and in Electron's printToPDF, which uses print media)
 * the whole app is hidden and only this node, a direct child of <body>, is laid out on
 * A4. A separate node, not the on-screen preview, so the app's scrolling frame and
 * fixed heights can never clip or split a paper. Shared by every printed paper (志愿服务
 * 证明, the case papers and the 公示 list): a long table repeats its header on each page
 * and never splits a row; `.print-page` starts a new sheet (one 授权书 per signer); a
 * `.print-keep` block (signature boxes) is not split across pages.
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

export function PrintOnly(props: { children: ReactNode }) {
  return (
    <>
      <GlobalStyles styles={printStyles} />
      {createPortal(<div className="desk-print-only">{props.children}</div>, document.body)}
    </>
  );
}
