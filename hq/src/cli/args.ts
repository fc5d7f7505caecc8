/** Splits `a b --key value --flag` into positionals and options. */
export function parseArgs(argv: string[]): {
  positional: string[];
  options: Record<string, string>;
} {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        options[arg.slice(2)] = next;
        i++;
      } else {
        options[arg.slice(2)] = 'true';
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}
