import { StockLanes } from './stock-lanes';

describe('StockLanes', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  /** Work that records when it starts and ends, and ends only when told to. */
  function step(log: string[], name: string) {
    let finish = (): void => undefined;
    const done = new Promise<string>((resolve) => (finish = () => resolve(name)));
    return {
      work: async () => {
        log.push(`${name}+`);
        const result = await done;
        log.push(`${name}-`);
        return result;
      },
      finish,
    };
  }

  it('runs changes that share a SKU one after another, in call order', async () => {
    const [lanes, log] = [new StockLanes(), [] as string[]];
    const [a, b, c] = [step(log, 'a'), step(log, 'b'), step(log, 'c')];
    const runs = [
      lanes.run(['X', 'Y'], a.work),
      lanes.run(['Y'], b.work),
      lanes.run(['Z', 'X'], c.work),
    ];
    await tick();
    expect(log).toEqual(['a+']);
    a.finish();
    await tick();
    expect(log).toEqual(['a+', 'a-', 'b+', 'c+']);
    c.finish();
    b.finish();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });

  it('runs changes on different SKUs side by side', async () => {
    const [lanes, log] = [new StockLanes(), [] as string[]];
    const [a, b] = [step(log, 'a'), step(log, 'b')];
    const runs = [lanes.run(['X'], a.work), lanes.run(['Y', 'Y'], b.work)];
    await tick();
    expect(log).toEqual(['a+', 'b+']);
    b.finish();
    a.finish();
    await Promise.all(runs);
  });

  it('lets the next change run after one fails, and passes the failure on', async () => {
    const lanes = new StockLanes();
    const failed = lanes.run(['X'], () => Promise.reject(new Error('boom')));
    const next = lanes.run(['X'], async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ran');
    expect(await lanes.run([], async () => 'no SKU')).toBe('no SKU');
  });

  it('keeps a lane while a later change is queued on it, and forgets it once idle', async () => {
    const [lanes, log] = [new StockLanes(), [] as string[]];
    const [a, b, c] = [step(log, 'a'), step(log, 'b'), step(log, 'c')];
    const runs = [lanes.run(['X'], a.work), lanes.run(['X'], b.work)];
    a.finish();
    await tick();
    // a ending must not drop b's place in the lane: c still queues behind b.
    runs.push(lanes.run(['X'], c.work));
    await tick();
    expect(log).toEqual(['a+', 'a-', 'b+']);
    b.finish();
    await tick();
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+']);
    c.finish();
    await Promise.all(runs);
    // Every SKU ever ordered would otherwise keep an entry for the life of the process.
    expect((lanes as unknown as { tails: Map<string, unknown> }).tails.size).toBe(0);
  });
});
