import Box from '@mui/material/Box';
import type { CertificateData } from '@shared/domain/community/certificate';
import { hoursText } from '@shared/domain/community/hours';
import { useT } from '../../i18n/useT';
import { idTypeLabel } from './labels';

const cell = { border: '1px solid #555', padding: '4px 8px', textAlign: 'left' } as const;

/**
 * The 志愿服务证明 itself, as printed: plain black on white, sized for A4, no app chrome.
 * Rendered twice by the screens: as the on-screen preview and, via PrintOnly, as the
 * only thing the print stylesheet shows (print dialog and Electron's printToPDF alike).
 */
export function CertificateDocument(props: { data: CertificateData; testId?: string }) {
  const { t } = useT();
  const d = props.data;
  const tid = (name: string) => (props.testId ? `${props.testId}-${name}` : undefined);
  const facts: [string, string, string?][] = [
    [t('community.col.name'), d.name, 'name'],
    [t('community.cert.idType'), idTypeLabel(t, d.idType)],
    [t('community.cert.idNumber'), d.maskedIdNumber, 'id'],
    [t('community.field.volunteerNumber'), d.volunteerNumber],
    [
      t('community.cert.periodLabel'),
      t('community.cert.period', { from: d.periodFrom, to: d.periodTo }),
    ],
    [
      t('community.cert.totalLabel'),
      t('community.hours', { hours: hoursText(d.totalMinutes) }),
      'total',
    ],
  ];
  return (
    <Box
      data-testid={props.testId}
      sx={{
        color: '#000',
        bgcolor: '#fff',
        fontSize: 15,
        lineHeight: 1.8,
        maxWidth: 720,
        mx: 'auto',
      }}
    >
      <Box component="h1" sx={{ textAlign: 'center', fontSize: 28, letterSpacing: '0.3em', m: 0 }}>
        {t('community.cert.title')}
      </Box>
      <Box sx={{ textAlign: 'right', fontSize: 13 }} data-testid={tid('number')}>
        {t('community.cert.number', { number: d.certificateNumber || '—' })}
      </Box>
      <Box component="p" sx={{ textIndent: '2em', my: 1.5 }}>
        {t('community.cert.body')}
      </Box>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', mb: 1.5 }}>
        <tbody>
          {[0, 2, 4].map((i) => (
            <tr key={i}>
              {[facts[i], facts[i + 1]].map((f) => (
                <FactCells key={f?.[0]} fact={f} testId={f?.[2] ? tid(f[2]) : undefined} />
              ))}
            </tr>
          ))}
        </tbody>
      </Box>
      <Box sx={{ fontWeight: 600, mb: 0.5 }}>{t('community.cert.content')}</Box>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <thead>
          <tr>
            <th style={cell}>{t('community.col.date')}</th>
            <th style={cell}>{t('community.col.activity')}</th>
            <th style={cell}>{t('community.col.content')}</th>
            <th style={{ ...cell, textAlign: 'right' }}>{t('community.cert.colHours')}</th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((line) => (
            <tr key={line.serviceId}>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{line.date}</td>
              <td style={cell}>{line.activityName}</td>
              <td style={cell}>{line.content}</td>
              <td style={{ ...cell, textAlign: 'right' }}>{hoursText(line.minutes)}</td>
            </tr>
          ))}
          <tr>
            <th style={cell} colSpan={3}>
              {t('community.cert.total')}
            </th>
            <th style={{ ...cell, textAlign: 'right' }}>{hoursText(d.totalMinutes)}</th>
          </tr>
        </tbody>
      </Box>
      <Box component="p" sx={{ fontSize: 13, my: 1 }}>
        {t('community.cert.note')}
      </Box>
      <Box sx={{ mt: 4, ml: 'auto', width: 'fit-content', minWidth: '50%' }}>
        <div>{t('community.cert.issuer', { issuer: d.issuer })}</div>
        <div>{t('community.cert.handler', { name: d.handler.name })}</div>
        <div>{t('community.cert.contactLine', { contact: d.contact || '—' })}</div>
        <div>{t('community.cert.date', { date: d.issuedOn })}</div>
      </Box>
    </Box>
  );
}

function FactCells(props: {
  fact: [string, string, string?] | undefined;
  testId: string | undefined;
}) {
  if (!props.fact) return null;
  return (
    <>
      <th style={{ ...cell, width: '16%', whiteSpace: 'nowrap', fontWeight: 600 }}>
        {props.fact[0]}
      </th>
      <td style={{ ...cell, width: '34%' }} data-testid={props.testId}>
        {props.fact[1]}
      </td>
    </>
  );
}
