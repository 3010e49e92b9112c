/** A connection URL fit for a log line or an error message: the password never appears. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    // Not a URL the parser takes: still never echo what may be a secret after the user name.
    return url.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@');
  }
}
