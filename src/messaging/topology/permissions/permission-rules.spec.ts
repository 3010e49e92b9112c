import { AmqpOperation } from './amqp-operation';
import { anchoredAlternation, ANY_DELAY_MS, ANY_INSTANCE, namePattern } from './name-pattern';
import { grantsFor } from './permission-rules';
import { RecordingChannel } from './recording.channel';

const sorted = (s: Set<string>) => [...s].sort();

describe('grantsFor (AMQP 0-9-1 as RabbitMQ checks it)', () => {
  it('asks read on an exchange and write on its alternate, when declaring it', () => {
    const g = grantsFor([
      { op: 'declareExchange', exchange: 'ev', type: 'topic', alternateExchange: 'lost' },
    ]);
    expect([sorted(g.configure), sorted(g.write), sorted(g.read)]).toEqual([
      ['ev'],
      ['lost'],
      ['ev'],
    ]);
  });

  it('asks read on a queue and write on its dead-letter exchange, when declaring it', () => {
    const g = grantsFor([{ op: 'declareQueue', queue: 'q', deadLetterExchange: 'dlx' }]);
    expect([sorted(g.configure), sorted(g.write), sorted(g.read)]).toEqual([['q'], ['dlx'], ['q']]);
  });

  it('checks binding and routing keys only on topic exchanges, and lists each topic exchange', () => {
    const ops: AmqpOperation[] = [
      { op: 'declareExchange', exchange: 'ev', type: 'topic' },
      { op: 'declareExchange', exchange: 'cmd', type: 'direct' },
      { op: 'bindQueue', queue: 'q', exchange: 'ev', key: 'a.b' },
      { op: 'bindQueue', queue: 'q', exchange: 'cmd', key: 'c.d' },
      { op: 'bindExchange', destination: 'fan', source: 'ev', key: 'e.f' },
      { op: 'publish', exchange: 'cmd', key: 'g.h' },
    ];
    const g = grantsFor(ops);
    expect(sorted(g.write)).toEqual(['cmd', 'fan', 'q']);
    expect(sorted(g.read)).toEqual(['cmd', 'ev']);
    expect([...g.topics.keys()]).toEqual(['ev']);
    expect(sorted(g.topics.get('ev')!.read)).toEqual(['a.b', 'e.f']);
    expect(sorted(g.topics.get('ev')!.write)).toEqual([]);
  });

  it('checks a publish to the default exchange as write on amq.default, and a consume as read', () => {
    const g = grantsFor([
      { op: 'publish', exchange: '', key: 'some.queue' },
      { op: 'consume', queue: 'mine' },
    ]);
    expect([sorted(g.write), sorted(g.read), sorted(g.configure)]).toEqual([
      ['amq.default'],
      ['mine'],
      [],
    ]);
  });
});

describe('name patterns', () => {
  it('matches names literally, anchored, with the run-time parts opened up', () => {
    const re = new RegExp(
      anchoredAlternation([`p.retry.${ANY_DELAY_MS}ms.wait`, `p.q.${ANY_INSTANCE}`], ''),
    );
    expect(re.test('p.retry.1000ms.wait')).toBe(true);
    expect(re.test('p.retry.1000ms')).toBe(false);
    expect(re.test('pxretry.1000ms.wait')).toBe(false);
    expect(re.test('p.q.host-12-ab0f')).toBe(true);
    expect(re.test('p.q.a.b')).toBe(false);
    expect(re.test('x.p.q.host')).toBe(false);
  });

  it('escapes every regex character a name may hold, and reads no names as the fallback', () => {
    expect(namePattern('a.b+c(d)')).toBe('a\\.b\\+c\\(d\\)');
    expect(anchoredAlternation([], '')).toBe('');
    expect(anchoredAlternation(['b', 'a', 'b'], '^$')).toBe('^(a|b)$');
  });
});

describe('RecordingChannel', () => {
  it('records the declarations it models, with their dead-letter and alternate exchanges', async () => {
    const rec = new RecordingChannel();
    const ch = rec.asChannel();
    await ch.assertExchange('ev', 'topic', { alternateExchange: 'lost' });
    await ch.assertQueue('q', { arguments: { 'x-dead-letter-exchange': 'dlx' } });
    expect(rec.operations).toEqual([
      { op: 'declareExchange', exchange: 'ev', type: 'topic', alternateExchange: 'lost' },
      { op: 'declareQueue', queue: 'q', deadLetterExchange: 'dlx' },
    ]);
  });

  it('fails loudly on a call it does not model, rather than leave its permission out', () => {
    expect(() => rec().deleteQueue('q')).toThrow(/channel\.deleteQueue\(\).*permission rules/);
  });

  const rec = () => new RecordingChannel().asChannel();
});
