import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, zhCN } from '@mui/material/locale';
import type { Language } from '../i18n/translate';

/**
 * The desk's look: calm, high-contrast, readable for long days at a service window.
 * Deep blue is the familiar government colour; seal red is kept for the few things
 * that must stand out. CJK fonts come first so Chinese never falls back to a Japanese
 * glyph variant; the MUI locale gives built-in texts (pagination, etc.) in Chinese.
 */
const fontFamily = ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'sans-serif'].join(
  ',',
);

export function createDeskTheme(language: Language): Theme {
  return createTheme(
    {
      palette: {
        primary: { main: '#1d4e89', dark: '#143a66', light: '#4a77ad', contrastText: '#ffffff' },
        secondary: { main: '#b3261e', dark: '#8c1d17', light: '#d0524b', contrastText: '#ffffff' },
        background: { default: '#f3f5f8', paper: '#ffffff' },
        text: { primary: '#1f2933', secondary: '#52606d' },
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily,
        fontSize: 14,
        h5: { fontWeight: 600 },
        h6: { fontWeight: 600, fontSize: '1.05rem' },
        button: { textTransform: 'none', fontWeight: 500 },
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTextField: { defaultProps: { size: 'small' } },
        MuiPaper: { defaultProps: { variant: 'outlined' } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
      },
    },
    language === 'zh-CN' ? zhCN : enUS,
  );
}
