import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { saveReaderUrl } from '../../idCard/readerSetting';
import { useReaderUrl } from '../../idCard/useReaderUrl';
import { useT } from '../../i18n/useT';
import { isDesktop } from '../../platform/deskApi';
import { useSession } from '../../state/session';
import { useFieldErrors } from '../../ui/useFieldErrors';
import { FormTextField } from '../common/FormTextField';
import { SettingsSection } from './SettingsSection';

/**
 * 身份证读卡器（本机）: the address of this computer's reader service, a local desk
 * setting (renderer/src/idCard/readerSetting.ts). Desktop only: the browser build
 * cannot read cards. A keyboard-wedge reader needs nothing here.
 */
export function ReaderSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const stored = useReaderUrl();
  const errors = useFieldErrors();
  // What the user typed; until then the stored address.
  const [edited, setEdited] = useState<string | null>(null);
  const url = edited ?? stored ?? '';
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);

  if (!isDesktop()) return null;

  async function save() {
    errors.clear();
    setDone(null);
    try {
      const saved = await saveReaderUrl(db, url);
      setEdited(null);
      setDone(saved ? 'saved' : 'removed');
    } catch (thrown) {
      errors.capture(thrown);
    }
  }

  return (
    <SettingsSection title={t('idCard.settings.title')} intro={t('idCard.settings.intro')}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <FormTextField
          path="readerUrl"
          errors={errors}
          size="small"
          fullWidth
          label={t('idCard.settings.url')}
          help={t('idCard.settings.urlHelp')}
          value={url}
          disabled={!canEdit}
          onChange={(e) => {
            setDone(null);
            setEdited(e.target.value);
          }}
          slotProps={{ htmlInput: { spellCheck: false, maxLength: 500 } }}
        />
        {done && <Alert severity="success">{t(`idCard.settings.${done}`)}</Alert>}
        {canEdit && (
          <div>
            <Button variant="outlined" onClick={() => void save()}>
              {t('idCard.settings.save')}
            </Button>
          </div>
        )}
      </Stack>
    </SettingsSection>
  );
}
