import { describe, expect, it } from 'vitest';
import { serial } from '../../src/core/serial';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('serial', () => {
  it('runs tasks one at a time, in call order, even when later ones are quicker', async () => {
    const line = serial();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, waits: number) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      for (let i = 0; i < waits; i++) await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([line.run(task('a', 3)), line.run(task('b', 0)), line.run(task('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('gives a failure to its own caller and carries on with the next task', async () => {
    const line = serial();
    const failed = line.run(async () => {
      throw new Error('boom');
    });
    const next = line.run(() => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });

  it('takes synchronous tasks and a synchronous throw', async () => {
    const line = serial();
    await expect(line.run(() => 'sync')).resolves.toBe('sync');
    await expect(line.run(() => { throw new TypeError('bad'); })).rejects.toThrow(TypeError);
  });

  it('idle() waits for everything queued so far, failures included', async () => {
    const line = serial();
    let done = 0;
    void line.run(async () => { await tick(); done++; });
    void line.run(async () => { await tick(); done++; throw new Error('x'); }).catch(() => undefined);
    await line.idle();
    expect(done).toBe(2);
  });
});
