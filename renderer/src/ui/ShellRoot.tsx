import { AppShell } from './AppShell';
import { DateLocalization } from './DateLocalization';

/** What the lazy shell chunk renders: the app with its date pickers' locale. */
export default function ShellRoot() {
  return (
    <DateLocalization>
      <AppShell />
    </DateLocalization>
  );
}
