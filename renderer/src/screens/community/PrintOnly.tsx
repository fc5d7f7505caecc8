import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import GlobalStyles from '@mui/material/GlobalStyles';

/*
 * The print stylesheet: on paper (and in Electron's printToPDF, which uses print media)
 * the whole app is hidden and only this node, a direct child of <body>, is laid out on
 * A4. A separate node, not the on-screen preview, so the app's scrolling frame and
 * fixed heights can never clip or split the certificate.
 */
const printStyles = `
  .desk-print-only { display: none; }
  @media print {
    @page { size: A4; margin: 18mm 16mm; }
    html, body { background: #fff !important; height: auto !important; }
    body > #root { display: none !important; }
    .desk-print-only { display: block; }
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
