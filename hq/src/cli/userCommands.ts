import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { AppError } from '@shared/errors/appError';
import { writeAudit } from '../console/audit';
import { addUser } from '../console/users';
import type { Command } from './commands';

const roleWords: Record<string, string> = {
  admin: 'admin',
  administrator: 'admin',
  reviewer: 'reviewer',
  viewer: 'viewer',
  管理员: 'admin',
  审核员: 'reviewer',
  只读: 'viewer',
};

/**
 * The password for a new account: HQ_USER_PASSWORD (tests, scripts), else asked twice
 * on the terminal without echo. Never from the command line, where `ps` and the shell's
 * history would keep it.
 */
async function askPassword(): Promise<string> {
  const fromEnv = process.env.HQ_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw passwordRefusal(
      'No terminal to ask the password on: set HQ_USER_PASSWORD for this command.',
      'console.password_required',
    );
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const ask = async (question: string) => {
      process.stdout.write(question);
      muted = true;
      const answer = await prompt.question('');
      muted = false;
      process.stdout.write('\n');
      return answer;
    };
    const first = await ask('Password: ');
    const again = await ask('Password again: ');
    if (first !== again) {
      throw passwordRefusal(
        'The two passwords differ; nothing was created.',
        'console.password_mismatch',
      );
    }
    return first;
  } finally {
    prompt.close();
  }
}

const passwordRefusal = (message: string, code: string) =>
  new AppError({ code: 'validation', message, fieldErrors: [{ path: 'password', code }] });

export const userCommands: Record<string, Command> = {
  'user add': async (hq, [username], o) => {
    const password = await askPassword();
    const now = new Date();
    const user = await addUser(
      hq.db,
      {
        username: username ?? '',
        displayName: o.name ?? '',
        role: roleWords[o.role ?? ''] ?? o.role,
      },
      password,
      'cli',
      now,
    );
    await writeAudit(
      hq.db,
      {
        userId: null,
        username: 'cli',
        action: 'user.add',
        target: user.username,
        result: 'ok',
        detail: { role: user.role, displayName: user.displayName },
      },
      now,
    );
    return `console account ${user.username} (${user.displayName}, ${user.role}) created: sign in at /console/`;
  },
};
