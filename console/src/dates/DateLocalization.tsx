import type { ReactNode } from 'react';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { enUS, zhCN } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/zh-cn';
import { useI18n } from '../i18n/i18n';

/** The pickers' Chinese words, the empty sections reading 年/月/日 (as on the desk). */
const zhText = {
  ...zhCN.components.MuiLocalizationProvider.defaultProps.localeText,
  fieldYearPlaceholder: () => '年',
  fieldMonthPlaceholder: () => '月',
  fieldDayPlaceholder: () => '日',
};
const enText = enUS.components.MuiLocalizationProvider.defaultProps.localeText;

/** The console's date pickers' locale (zh-CN first), following the console's language. */
export function DateLocalization({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const zh = language !== 'en';
  return (
    <LocalizationProvider
      dateAdapter={AdapterDayjs}
      adapterLocale={zh ? 'zh-cn' : 'en'}
      localeText={zh ? zhText : enText}
    >
      {children}
    </LocalizationProvider>
  );
}
