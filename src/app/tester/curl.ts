// Paste a curl (or grpcurl) command, or a bare URL, to fill the request form. Pure.
//
// The shell words are split as a POSIX shell would (single and double quotes, backslashes, `$'…'`,
// line continuations); nothing is ever executed or expanded. The URL is split by hand rather than
// with `new URL`, because the simulator matches paths as written (no dot-segment removal, no
// percent-encoding: semantics §6.3 SD), and a pasted `//` or `%2F` must reach the engine unchanged.

import type { SimRequest } from '../../engine/index.ts';

export interface CurlResult {
  request: SimRequest;
  /** Options that were understood but have no effect on routing, or were not understood. */
  notes: string[];
}

/** Splits a command line into words. Throws on an unterminated quote. */
export function shellWords(input: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  const s = input.replace(/\\\r?\n/g, ' ');
  while (i < s.length) {
    const c = s[i] as string;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated single quote');
      cur += s.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '$' && s[i + 1] === "'") {
      // ANSI-C quoting: $'…' with backslash escapes.
      i += 2;
      let closed = false;
      while (i < s.length) {
        const d = s[i] as string;
        if (d === "'") {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < s.length) {
          const e = s[i + 1] as string;
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
          cur += map[e] ?? e;
          i += 2;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw new Error("unterminated $' quote");
      inWord = true;
    } else if (c === '"') {
      i++;
      let closed = false;
      while (i < s.length) {
        const d = s[i] as string;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1] as string)) {
          cur += s[i + 1];
          i += 2;
        } else {
          cur += d;
          i++;
        }
      }
      if (!closed) throw new Error('unterminated double quote');
      inWord = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

export interface SplitUrl {
  scheme?: string;
  user?: string;
  host: string;
  port?: number;
  /** Path with query, as written ('/' when empty). */
  path: string;
}

/** Splits a URL without normalising it. A missing scheme is allowed (`foo.example.com/bar`). */
export function splitUrl(url: string): SplitUrl {
  let rest = url.trim();
  let scheme: string | undefined;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    scheme = (m[1] as string).toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  let cut = rest.length;
  for (const ch of ['/', '?']) {
    const k = rest.indexOf(ch);
    if (k >= 0 && k < cut) cut = k;
  }
  let authority = rest.slice(0, cut);
  let path = rest.slice(cut);
  if (path.startsWith('?')) path = `/${path}`;
  if (path === '') path = '/';
  let user: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    user = authority.slice(0, at);
    authority = authority.slice(at + 1);
  }
  let host = authority;
  let port: number | undefined;
  const pm = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(authority);
  if (pm) {
    host = pm[1] as string;
    port = Number(pm[2]);
  }
  const out: SplitUrl = { host, path };
  if (scheme) out.scheme = scheme;
  if (user !== undefined) out.user = user;
  if (port !== undefined) out.port = port;
  return out;
}

/** curl's short options that take an argument (the rest are flags). */
const SHORT_WITH_ARG = new Set('HXdAebuoxFTrwmEKcCDQyYzt'.split(''));
/** Long options that take an argument. */
const LONG_WITH_ARG = new Set([
  'header',
  'request',
  'data',
  'data-raw',
  'data-binary',
  'data-ascii',
  'data-urlencode',
  'json',
  'form',
  'form-string',
  'user-agent',
  'referer',
  'cookie',
  'user',
  'output',
  'proxy',
  'url',
  'resolve',
  'connect-to',
  'max-time',
  'connect-timeout',
  'cacert',
  'cert',
  'key',
  'write-out',
  'retry',
  'range',
  'upload-file',
  'cookie-jar',
  'config',
  'oauth2-bearer',
  'unix-socket',
  'interface',
  'limit-rate',
  'max-redirs',
  'proto',
  'proto-redir',
  'trace',
  'trace-ascii',
  'dump-header',
  'ciphers',
  'tls-max',
  'aws-sigv4',
  'variable',
  'expand-url',
  'doh-url',
  'dns-servers',
  'preproxy',
  'proxy-user',
  'noproxy',
  'sni',
]);
/** Flags that change nothing the simulator models. */
const QUIET_FLAGS = new Set([
  'k',
  'insecure',
  's',
  'silent',
  'S',
  'show-error',
  'v',
  'verbose',
  'i',
  'include',
  'L',
  'location',
  'compressed',
  'f',
  'fail',
  'fail-with-body',
  'N',
  'no-buffer',
  'g',
  'globoff',
  'n',
  'netrc',
  'q',
  'disable',
  'no-progress-meter',
  'path-as-is',
  '#',
  'progress-bar',
  'O',
  'remote-name',
]);

function b64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * Parses `curl …`, `grpcurl …` or a bare URL into a SimRequest. Throws with a readable message
 * when nothing usable is found.
 */
export function parseCurl(input: string): CurlResult {
  const text = input.trim().replace(/^\$\s+/, '');
  if (text === '') throw new Error('Paste a curl command or a URL.');
  const words = shellWords(text);
  if (words[0] === 'grpcurl') return parseGrpcurl(words.slice(1));
  if (words[0] === 'curl') words.shift();
  const notes: string[] = [];
  const headers: [string, string][] = [];
  let method: string | undefined;
  let impliedMethod: string | undefined;
  let url: string | undefined;
  let httpVersion: '1.1' | '2' | undefined;
  let get = false;
  const data: string[] = [];
  let sni: string | undefined;

  const takeOption = (name: string, arg: string | undefined) => {
    const need = () => {
      if (arg === undefined) throw new Error(`Option ${name.length === 1 ? `-${name}` : `--${name}`} needs a value.`);
      return arg;
    };
    switch (name) {
      case 'H':
      case 'header': {
        const h = need();
        const colon = h.indexOf(':');
        const semi = h.indexOf(';');
        if (colon > 0) {
          const value = h.slice(colon + 1).trim();
          // `Name:` with nothing after it tells curl to drop a header it would send: nothing to add.
          if (value !== '') headers.push([h.slice(0, colon).trim(), value]);
        } else if (semi > 0 && semi === h.length - 1) {
          headers.push([h.slice(0, semi).trim(), '']);
        } else if (h.startsWith('@')) notes.push(`headers from a file (${h}) are not read`);
        else throw new Error(`Header "${h}" has no colon.`);
        break;
      }
      case 'X':
      case 'request':
        method = need().toUpperCase();
        break;
      case 'I':
      case 'head':
        impliedMethod = 'HEAD';
        break;
      case 'G':
      case 'get':
        get = true;
        break;
      case 'd':
      case 'data':
      case 'data-raw':
      case 'data-binary':
      case 'data-ascii':
      case 'data-urlencode':
        data.push(need());
        impliedMethod ??= 'POST';
        break;
      case 'json':
        data.push(need());
        impliedMethod ??= 'POST';
        headers.push(['content-type', 'application/json'], ['accept', 'application/json']);
        break;
      case 'F':
      case 'form':
      case 'form-string':
        need();
        impliedMethod ??= 'POST';
        break;
      case 'T':
      case 'upload-file':
        need();
        impliedMethod ??= 'PUT';
        break;
      case 'A':
      case 'user-agent':
        headers.push(['user-agent', need()]);
        break;
      case 'e':
      case 'referer':
        headers.push(['referer', need()]);
        break;
      case 'b':
      case 'cookie': {
        const c = need();
        if (c.includes('=')) headers.push(['cookie', c]);
        else notes.push(`cookies from a file (${c}) are not read`);
        break;
      }
      case 'u':
      case 'user':
        headers.push(['authorization', `Basic ${b64(need())}`]);
        break;
      case 'oauth2-bearer':
        headers.push(['authorization', `Bearer ${need()}`]);
        break;
      case 'url':
        url = need();
        break;
      case 'http2':
      case 'http2-prior-knowledge':
      case 'http3':
      case 'http3-only':
        httpVersion = '2';
        break;
      case 'http1.1':
      case 'http1.0':
      case '0':
        httpVersion = '1.1';
        break;
      case 'resolve':
      case 'connect-to':
        notes.push(`--${name} ${need()} is ignored: pick the Gateway and port in the form`);
        break;
      case 'sni':
        sni = need();
        break;
      default:
        if (QUIET_FLAGS.has(name)) break;
        if (arg !== undefined) notes.push(`option ${name.length === 1 ? '-' : '--'}${name} ${arg} is ignored`);
        else notes.push(`option ${name.length === 1 ? '-' : '--'}${name} is ignored`);
    }
  };

  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith('--') && w.length > 2) {
      let name = w.slice(2);
      let arg: string | undefined;
      const eq = name.indexOf('=');
      if (eq > 0 && LONG_WITH_ARG.has(name.slice(0, eq))) {
        arg = name.slice(eq + 1);
        name = name.slice(0, eq);
      } else if (LONG_WITH_ARG.has(name)) {
        arg = words[++i];
      }
      takeOption(name, arg);
    } else if (w.startsWith('-') && w.length > 1) {
      // Short options may be bundled: -sSkH 'a: b' or -XPOST.
      for (let k = 1; k < w.length; k++) {
        const ch = w[k] as string;
        if (SHORT_WITH_ARG.has(ch)) {
          const rest = w.slice(k + 1);
          takeOption(ch, rest !== '' ? rest : words[++i]);
          break;
        }
        takeOption(ch, undefined);
      }
    } else if (url === undefined) {
      url = w;
    } else {
      notes.push(`extra URL ${w} is ignored`);
    }
  }
  if (url === undefined) throw new Error('No URL found in the command.');

  const u = splitUrl(url);
  if (u.scheme && u.scheme !== 'http' && u.scheme !== 'https') {
    throw new Error(`Scheme ${u.scheme}:// is not HTTP; use the TLS, TCP or UDP protocol in the form.`);
  }
  const req: SimRequest = {};
  const https = u.scheme === 'https';
  req.protocol = https ? 'HTTPS' : 'HTTP';
  if (https) req.scheme = 'https';
  if (u.port !== undefined) req.port = u.port;
  if (u.user !== undefined && !headers.some(([k]) => k.toLowerCase() === 'authorization')) {
    headers.push(['authorization', `Basic ${b64(decodeURIComponent(u.user))}`]);
  }
  let path = u.path;
  if (get && data.length > 0) {
    path += (path.includes('?') ? '&' : '?') + data.join('&');
    impliedMethod = undefined;
  }
  const m = method ?? (get ? 'GET' : impliedMethod) ?? 'GET';
  if (m !== 'GET') req.method = m;
  // A Host header overrides the URL's host for routing; TLS still sends the URL host as SNI.
  const hostIdx = headers.findIndex(([k]) => k.toLowerCase() === 'host');
  if (hostIdx >= 0) {
    req.host = (headers[hostIdx] as [string, string])[1];
    headers.splice(hostIdx, 1);
    if (https && req.host.toLowerCase() !== u.host.toLowerCase()) req.sni = u.host;
  } else {
    req.host = u.host;
  }
  if (sni) req.sni = sni;
  req.path = path;
  if (httpVersion) req.httpVersion = httpVersion;
  if (headers.length > 0) req.headers = headers;
  return { request: req, notes };
}

function parseGrpcurl(words: string[]): CurlResult {
  const notes: string[] = [];
  const headers: [string, string][] = [];
  const positional: string[] = [];
  let plaintext = false;
  let authority: string | undefined;
  let sni: string | undefined;
  const withArg = new Set([
    'H',
    'rpc-header',
    'reflect-header',
    'd',
    'authority',
    'servername',
    'import-path',
    'proto',
    'protoset',
    'max-time',
    'connect-timeout',
    'format',
    'cacert',
    'cert',
    'key',
    'user-agent',
    'max-msg-sz',
  ]);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith('-')) {
      let name = w.replace(/^--?/, '');
      let arg: string | undefined;
      const eq = name.indexOf('=');
      if (eq > 0) {
        arg = name.slice(eq + 1);
        name = name.slice(0, eq);
      } else if (withArg.has(name)) arg = words[++i];
      if (name === 'plaintext') plaintext = true;
      else if (name === 'H' || name === 'rpc-header') {
        const h = arg ?? '';
        const colon = h.indexOf(':');
        if (colon <= 0) throw new Error(`Header "${h}" has no colon.`);
        headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()]);
      } else if (name === 'authority') authority = arg;
      else if (name === 'servername') sni = arg;
      else if (name === 'user-agent' && arg) headers.push(['user-agent', arg]);
      else if (name !== 'd' && name !== 'insecure' && name !== 'reflect-header')
        notes.push(`option -${name} is ignored`);
    } else positional.push(w);
  }
  const [address, symbol] = positional;
  if (!address) throw new Error('grpcurl: no address found.');
  if (!symbol) throw new Error('grpcurl: no service/method found (e.g. pkg.Service/Method).');
  const u = splitUrl(address);
  const slash = symbol.lastIndexOf('/') >= 0 ? symbol.lastIndexOf('/') : symbol.lastIndexOf('.');
  if (slash <= 0) throw new Error(`grpcurl: "${symbol}" is not service/method.`);
  const req: SimRequest = {
    protocol: 'GRPC',
    host: authority ?? u.host,
    grpc: { service: symbol.slice(0, slash), method: symbol.slice(slash + 1) },
  };
  if (!plaintext) {
    req.scheme = 'https';
    notes.push('without -plaintext grpcurl uses TLS');
  }
  if (u.port !== undefined) req.port = u.port;
  if (sni) req.sni = sni;
  if (headers.length > 0) req.headers = headers;
  return { request: req, notes };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The curl (or grpcurl) command for a request, to try it against a real Gateway. The inverse of
 * parseCurl for what curl can express; `--resolve`/`--connect-to` are left to the user.
 */
export function toCurl(req: SimRequest): string {
  const headers: [string, string][] = Array.isArray(req.headers)
    ? req.headers.map(([k, v]) => [String(k), String(v)])
    : Object.entries(req.headers ?? {}).map(([k, v]) => [k, String(v)]);
  const hFlags = headers.map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`);
  const protocol = req.protocol ?? (req.grpc ? 'GRPC' : req.scheme === 'https' ? 'HTTPS' : 'HTTP');
  if (protocol === 'GRPC') {
    const tls = req.scheme === 'https';
    const addr = `${req.host ?? 'localhost'}:${req.port ?? (tls ? 443 : 80)}`;
    return [
      'grpcurl',
      tls ? '' : '-plaintext',
      ...hFlags,
      shellQuote(addr),
      shellQuote(`${req.grpc?.service ?? ''}/${req.grpc?.method ?? ''}`),
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (protocol === 'TLS')
    return `openssl s_client -connect <gateway>:${req.port ?? 443} -servername ${shellQuote(req.sni ?? req.host ?? '')}`;
  if (protocol === 'TCP') return `nc <gateway> ${req.port ?? ''}`.trim();
  if (protocol === 'UDP') return `nc -u <gateway> ${req.port ?? ''}`.trim();
  const https = protocol === 'HTTPS';
  const defPort = https ? 443 : 80;
  const host = req.host ?? 'localhost';
  const port = req.port !== undefined && req.port !== defPort ? `:${req.port}` : '';
  const parts = ['curl'];
  if (https) parts.push('-k');
  if (req.method && req.method !== 'GET') parts.push(req.method === 'HEAD' ? '-I' : `-X ${shellQuote(req.method)}`);
  if (req.httpVersion === '2') parts.push(https ? '--http2' : '--http2-prior-knowledge');
  parts.push(...hFlags);
  // A different SNI than the Host: connect by the SNI name and send the Host as a header.
  if (https && req.sni && req.sni !== host) {
    parts.push(`-H ${shellQuote(`Host: ${host}`)}`);
    parts.push(shellQuote(`https://${req.sni}${port}${req.path ?? '/'}`));
  } else {
    parts.push(shellQuote(`${https ? 'https' : 'http'}://${host}${port}${req.path ?? '/'}`));
  }
  return parts.join(' ');
}
