import { Button } from '@mui/material';
import { useI18n } from '../i18n/i18n';

export function LanguageButton({ color = 'inherit' }: { color?: 'inherit' | 'primary' }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <Button color={color} onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
      {t('app.language')}
    </Button>
  );
}
