import { exceedsJsonDepth } from './json-depth';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const nested = (depth: number, open = '{"a":', close = '}') =>
  open.repeat(depth) + '1' + close.repeat(depth);

describe('exceedsJsonDepth', () => {
  it('accepts nesting up to the bound and refuses one level more', () => {
    expect(exceedsJsonDepth(bytes(nested(32)), 32)).toBe(false);
    expect(exceedsJsonDepth(bytes(nested(33)), 32)).toBe(true);
    expect(exceedsJsonDepth(bytes(nested(33, '[', ']')), 32)).toBe(true);
    expect(exceedsJsonDepth(bytes(`{"items":[${'['.repeat(5000)}${']'.repeat(5000)}]}`), 32)).toBe(
      true,
    );
  });

  it('counts siblings once, not cumulatively', () => {
    const wide = `[${Array.from({ length: 1000 }, () => '{"a":[1]}').join(',')}]`;
    expect(exceedsJsonDepth(bytes(wide), 3)).toBe(false);
    expect(exceedsJsonDepth(bytes(wide), 2)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const tricky = JSON.stringify({ s: '{{{{[[[[ \\" {{{{ " [[[[' });
    expect(exceedsJsonDepth(bytes(tricky), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"k\\"[[[":{"x":1}}'), 1)).toBe(true);
    expect(exceedsJsonDepth(bytes('{"k\\"[[[":{"x":1}}'), 2)).toBe(false);
  });
});
