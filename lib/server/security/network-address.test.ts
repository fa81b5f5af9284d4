import { describe, expect, it } from 'vitest';
import { classifyHost, hostProblem, STRICT_POLICY, type HostKind } from './network-address';

// One classifier for every host we redirect to or call: literal addresses in every form the URL
// parser leaves (IPv6 with brackets, IPv4-mapped, NAT64, 6to4) and names that only mean something
// inside a network.

const TABLE: Array<[HostKind, string[]]> = [
  [
    'public',
    ['8.8.8.8', '93.184.215.14', '172.32.0.1', '100.128.0.1', '[2606:4700::1111]', 'example.com', 'a.b.example'],
  ],
  [
    'loopback',
    [
      '127.0.0.1',
      '127.255.0.9',
      '[::1]',
      '::ffff:127.0.0.1',
      '[::ffff:7f00:1]',
      'localhost',
      'LOCALHOST',
      'localhost.',
      'a.b.localhost',
    ],
  ],
  [
    'private',
    [
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.1.1',
      '198.18.0.1',
      '[fe80::1]',
      '[fc00::1]',
      'fd12:3456::1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      '2002:c0a8:101::1',
      'intranet',
      'db.internal',
      'printer.local',
      'nas.home.arpa',
      'svc.corp',
    ],
  ],
  [
    'forbidden',
    [
      '0.0.0.0',
      '0.1.2.3',
      '169.254.169.254',
      '169.254.170.2',
      '100.100.100.200',
      '224.0.0.1',
      '239.255.255.250',
      '255.255.255.255',
      '[::]',
      '[fd00:ec2::254]',
      '[ff02::1]',
      '::ffff:169.254.169.254',
      '64:ff9b::a9fe:a9fe',
      'metadata',
      'metadata.google.internal',
      'METADATA.GOOGLE.INTERNAL.',
      'metadata.goog',
    ],
  ],
];

describe('host classifier', () => {
  it.each(TABLE.flatMap(([kind, hosts]) => hosts.map((h) => [h, kind] as const)))('%s is %s', (host, kind) =>
    expect(classifyHost(host)).toBe(kind),
  );

  it('refuses everything but public hosts under the strict policy, metadata under every policy', () => {
    expect(hostProblem('example.com', STRICT_POLICY)).toBeNull();
    expect(hostProblem('127.0.0.1', STRICT_POLICY)).toBe('is a loopback address');
    expect(hostProblem('foo.localhost', STRICT_POLICY)).toBe('is a loopback host name');
    expect(hostProblem('db.internal', STRICT_POLICY)).toBe('is an internal host name');
    expect(hostProblem('[fc00::1]', STRICT_POLICY)).toBe('is a private or link-local address');
    expect(hostProblem('127.0.0.1', { allowLoopback: true, allowPrivate: false })).toBeNull();
    expect(hostProblem('10.0.0.1', { allowLoopback: true, allowPrivate: false })).not.toBeNull();
    expect(hostProblem('db.internal', { allowLoopback: false, allowPrivate: true })).toBeNull();
    for (const host of ['169.254.169.254', 'metadata.google.internal', '[fd00:ec2::254]', '0.0.0.0'])
      expect(hostProblem(host, { allowLoopback: true, allowPrivate: true }), host).toMatch(/reserved or metadata/);
  });
});
