/**
 * Suites that need a part a laptop may lack (RabbitMQ's own server and CLI, openssl, Chromium)
 * skip with the reason printed. CI sets REQUIRE_ALL_PARTS=1, which turns such a skip into a
 * failure: there every part is installed, so a skip would hide a test that never ran.
 */
export function describeWhen(available: boolean, part: string): jest.Describe {
  if (available) return describe;
  const why = `${part} is not installed on this machine`;
  if (process.env.REQUIRE_ALL_PARTS === '1') {
    throw new Error(`${why}, and REQUIRE_ALL_PARTS=1 forbids skipping the suites that need it`);
  }
   
  console.warn(`skipped: ${why}`);
  return describe.skip;
}
