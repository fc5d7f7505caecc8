import { useState } from 'react';
import Button from '@mui/material/Button';
import CreditCardIcon from '@mui/icons-material/CreditCard';
import type { IdCardReading } from '@shared/identity/idCardReading';
import { takeFromCard, type TakableField } from '../../idCard/cardComparison';
import { readCard, readErrorMessage } from '../../idCard/readCard';
import { useReaderUrl } from '../../idCard/useReaderUrl';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { CardComparisonDialog } from './CardComparisonDialog';
import type { MemberDraft } from './householdForm';

/**
 * 读卡 on a member row: shown only when this desk has a reader service configured
 * (设置 → 身份证读卡器), which only the desktop build can have. Reads the card, then
 * shows it against the row; what the user takes goes into the row, unsaved.
 */
export function ReadCardButton(props: {
  member: MemberDraft;
  today: string;
  onChange: (change: (m: MemberDraft) => MemberDraft) => void;
}) {
  const { t } = useT();
  const url = useReaderUrl();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<IdCardReading | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!url) return null;

  async function read(readerUrl: string) {
    setBusy(true);
    setError(null);
    setReading(null);
    setOpen(true);
    try {
      setReading(await readCard(getDeskApi(), readerUrl));
    } catch (thrown) {
      setError(readErrorMessage(t, thrown));
    } finally {
      setBusy(false);
    }
  }

  const take = (fields: TakableField[]) => {
    if (reading) props.onChange((m) => takeFromCard(m, reading, fields, props.today));
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<CreditCardIcon />}
        disabled={busy}
        onClick={() => void read(url)}
        sx={{ mr: 1 }}
      >
        {busy ? t('idCard.reading') : t('idCard.read')}
      </Button>
      <CardComparisonDialog
        open={open}
        member={props.member}
        reading={reading}
        error={error}
        busy={busy}
        onTake={take}
        onRetry={() => void read(url)}
        onClose={() => {
          // The reading (photo included) is dropped with the dialog: it is never kept.
          setOpen(false);
          setReading(null);
          setError(null);
        }}
      />
    </>
  );
}
