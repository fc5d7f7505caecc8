import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, zhCN } from '@mui/material/locale';
import type { Language } from '../i18n/translate';

/** Simplified Chinese faces: before any generic family, so Han never falls back to a Japanese glyph variant. */
const chineseFonts = ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"'];
/** Latin faces for the English desk (Windows, macOS, Linux's metric twin of Arial). */
const latinFonts = ['"Segoe UI"', '"Helvetica Neue"', 'Arial', '"Liberation Sans"'];

/**
 * The font stack for a language. Chinese first for zh-CN. In English a Latin face comes
 * first: a CJK face draws punctuation of ambiguous width full-width (’ in "desk’s" stood
 * apart as "desk’ s"), while names and places in Chinese characters still find the
 * Chinese faces, which no Latin face covers.
 */
export function fontFamilyFor(language: Language): string {
  const faces = language === 'zh-CN' ? chineseFonts : [...latinFonts, ...chineseFonts];
  return [...faces, 'sans-serif'].join(',');
}

/**
 * The desk's look: calm, high-contrast, readable for long days at a service window.
 * Deep blue is the familiar government colour; seal red is kept for the few things
 * that must stand out. The MUI locale gives built-in texts (pagination, etc.) in the
 * desk's language.
 */

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
        fontFamily: fontFamilyFor(language),
        fontSize: 14,
        h5: { fontWeight: 600 },
        h6: { fontWeight: 600, fontSize: '1.05rem' },
        button: { textTransform: 'none', fontWeight: 500 },
      },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        // autoComplete off unless a field says otherwise (the login's own): a browser
        // keeps what it thinks was a form's typing (names, addresses, incomes) in its
        // profile's autofill store, in the clear, for the web build's desks.
        MuiTextField: { defaultProps: { size: 'small', autoComplete: 'off' } },
        MuiPaper: { defaultProps: { variant: 'outlined' } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
      },
    },
    language === 'zh-CN' ? zhCN : enUS,
  );
}
