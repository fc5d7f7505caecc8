import TranslateIcon from '@mui/icons-material/Translate';
import { Button, type ButtonProps } from '@mui/material';
import type { Language } from '../i18n/translate';
import { useT } from '../i18n/useT';
import { getDeskApi } from '../platform/deskApi';
import { useSession } from '../state/session';

/** Tells the native menu (Electron) which language to use. */
export function syncMenuLanguage(language: Language): void {
  // The menu is a convenience: a failure must not block switching the screens.
  getDeskApi()
    .setMenuLanguage(language)
    .catch(() => undefined);
}

/** Switches between 中文 and English; the button shows the language it switches to. */
export function LanguageSwitch({ color = 'inherit' }: { color?: ButtonProps['color'] }) {
  const { t, language } = useT();
  const setLanguage = useSession((s) => s.setLanguage);
  const switchLanguage = () => {
    const next: Language = language === 'zh-CN' ? 'en' : 'zh-CN';
    setLanguage(next);
    syncMenuLanguage(next);
  };
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      onClick={switchLanguage}
      title={t('lang.switchLabel')}
      lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
    >
      {t('lang.switch')}
    </Button>
  );
}
