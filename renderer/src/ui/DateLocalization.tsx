import type { ReactNode } from 'react';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { enUS, zhCN } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/zh-cn';
import { useSession } from '../state/session';

/** The pickers' Chinese words, with the empty sections reading 年/月/日 instead of YYYY/MM/DD. */
const zhText = {
  ...zhCN.components.MuiLocalizationProvider.defaultProps.localeText,
  fieldYearPlaceholder: () => '年',
  fieldMonthPlaceholder: () => '月',
  fieldDayPlaceholder: () => '日',
};
const enText = enUS.components.MuiLocalizationProvider.defaultProps.localeText;

/** The date pickers' locale for the whole app (zh-CN first), set once at the root. */
export function DateLocalization({ children }: { children: ReactNode }) {
  const language = useSession((s) => s.language);
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
