import { describe, expect, it } from 'vitest';
import { checkHqAddress, isLoopbackHost } from '@shared/sync/hqAddress';

const off = { allowInsecureHttp: false };
const on = { allowInsecureHttp: true };

function problem(raw: string, rules = off): string | null {
  try {
    checkHqAddress(raw, rules);
    return null;
  } catch (error) {
    return (error as { fieldErrors: { path: string; code: string }[] }).fieldErrors
      .map((e) => `${e.path}:${e.code}`)
      .join();
  }
}

describe("HQ's address", () => {
  it('keeps a path prefix, drops trailing slashes and spaces', () => {
    expect(checkHqAddress(' https://hq.example.gov.cn/mz// ', off)).toBe(
      'https://hq.example.gov.cn/mz',
    );
    expect(checkHqAddress('https://10.1.2.3:8443/', off)).toBe('https://10.1.2.3:8443');
  });

  it('accepts plain http on this computer: 127.0.0.0/8, localhost, [::1]', () => {
    for (const url of [
      'http://127.0.0.1:8787',
      'http://127.9.8.7',
      'http://127.1:8787', // the URL parser writes it 127.0.0.1
      'http://localhost:8787/',
      'http://LOCALHOST',
      'http://[::1]:8787',
      'http://[::ffff:127.0.0.1]:8787',
    ]) {
      expect(problem(url), url).toBeNull();
    }
    expect(checkHqAddress('http://[::1]:8787/', off)).toBe('http://[::1]:8787');
  });

  it('refuses plain http anywhere else, LAN addresses included', () => {
    for (const url of [
      'http://10.1.2.3:8787',
      'http://192.168.1.20',
      'http://172.16.0.5',
      'http://hq.example.gov.cn',
      'http://128.0.0.1',
      'http://localhost.example.com',
      'http://127.0.0.1.nip.io',
      'http://[::2]',
      'http://[fe80::1]',
      'http://0.0.0.0:8787',
    ]) {
      expect(problem(url), url).toBe('hqUrl:sync.hqUrl.insecure');
    }
  });

  it('accepts https anywhere, and plain http anywhere with the developer setting', () => {
    expect(problem('https://hq.example.gov.cn')).toBeNull();
    expect(problem('https://192.168.1.20:8443')).toBeNull();
    expect(problem('http://10.1.2.3:8787', on)).toBeNull();
    expect(checkHqAddress('http://192.168.1.20:8787/mz/', on)).toBe('http://192.168.1.20:8787/mz');
  });

  it('refuses what is not an http(s) base address, whatever the setting', () => {
    for (const url of [
      'hq.example.gov.cn',
      'file:///etc/passwd',
      'ftp://hq',
      'https://u:p@hq.example.gov.cn',
      'https://hq/?a=1',
      'https://hq/#x',
      '',
    ]) {
      expect(problem(url, on), url).toBe('hqUrl:sync.hqUrl.invalid');
    }
  });

  it('names loopback hosts only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('::1')).toBe(false); // hostnames of IPv6 URLs keep their brackets
  });
});
