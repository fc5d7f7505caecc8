import { useCallback, useEffect, useState } from 'react';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { currentSession, type SignedIn } from './api';
import { DateLocalization } from './dates/DateLocalization';
import { I18nProvider } from './i18n/i18n';
import { LoginScreen } from './screens/LoginScreen';
import { Shell } from './screens/Shell';
import type { ConsoleMessageKey } from './i18n/zh-CN';

const theme = createTheme({ palette: { primary: { main: '#8c1c13' } } });

type State =
  | { at: 'loading' }
  | { at: 'in'; session: SignedIn }
  | { at: 'out'; notice: ConsoleMessageKey | null };

/** Signed in (the shell) or not (the sign-in page); a page reload asks HQ which. */
export function App() {
  const [state, setState] = useState<State>({ at: 'loading' });
  useEffect(() => {
    currentSession().then(
      (session) => setState({ at: 'in', session }),
      () => setState({ at: 'out', notice: null }),
    );
  }, []);
  const signedOut = useCallback(
    (notice: ConsoleMessageKey | null) => setState({ at: 'out', notice }),
    [],
  );
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <I18nProvider>
        <DateLocalization>
          {state.at === 'in' ? (
            <Shell session={state.session} onSignedOut={signedOut} />
          ) : state.at === 'out' ? (
            <LoginScreen
              notice={state.notice}
              onSignedIn={(session) => setState({ at: 'in', session })}
            />
          ) : null}
        </DateLocalization>
      </I18nProvider>
    </ThemeProvider>
  );
}
