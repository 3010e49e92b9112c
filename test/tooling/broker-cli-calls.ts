import * as ts from 'typescript';

/** RabbitMQ's command-line tools; each runs against the default node unless given `-n`. */
const CLIS = ['rabbitmqctl', 'rabbitmq-plugins', 'rabbitmq-queues', 'rabbitmq-upgrade'];
/** Helpers that hand their argument list to rabbitmqctl (test/support/private-broker). */
const CLI_HELPERS = ['rabbitmqctl', 'listRows'];
/** What may run against a broker we do not own: it reads, and changes nothing. */
const READ_ONLY = new Set([
  'list_queues',
  'list_exchanges',
  'list_bindings',
  'list_connections',
  'list_channels',
  'list_consumers',
  'list_vhosts',
  'list_users',
  'list_permissions',
  'list_policies',
  'status',
  'cluster_status',
  'ping',
  'await_startup',
  'environment',
  'version',
  'help',
]);
/** Options whose value is the next token, so that value is not taken for the command. */
const WITH_VALUE = new Set(['-n', '--node', '-t', '--timeout', '-p', '--vhost', '--formatter']);

export interface CliCall {
  line: number;
  text: string;
  /** The command it runs, or undefined when it cannot be read from the source. */
  command?: string;
}

/**
 * Every call of a RabbitMQ CLI in a source file that would run something other than a read-only
 * command: `execFile('rabbitmqctl', ['stop_app'])`, `execSync('rabbitmqctl reset')`,
 * `rabbitmqctl(node, ['add_user', …])`. A call whose command is not a literal is reported too:
 * what cannot be read cannot be shown harmless.
 */
export function mutatingCliCalls(fileName: string, source: string): CliCall[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: CliCall[] = [];
  const report = (node: ts.Node, command: string | undefined): void => {
    if (command !== undefined && READ_ONLY.has(command)) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ line, text: node.getText().slice(0, 120), command });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const args = [...node.arguments];
      const cli = args.findIndex((a) => CLIS.includes(literalText(a) ?? ''));
      if (cli >= 0) report(node, commandOf(args[cli + 1]));
      else if (CLI_HELPERS.includes(calleeName(node.expression) ?? ''))
        report(node, commandOf(args.find(ts.isArrayLiteralExpression)));
    }
    const text = literalText(node) ?? templateText(node);
    if (text !== undefined) {
      for (const words of shellCalls(text)) report(node, commandOfWords(words));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Lines of shell (or any other text) that run a RabbitMQ CLI with a changing command. */
export function mutatingCliLines(text: string): CliCall[] {
  return text.split('\n').flatMap((line, i) =>
    shellCalls(line)
      .map(commandOfWords)
      .filter((command) => command === undefined || !READ_ONLY.has(command))
      .map((command) => ({ line: i + 1, text: line.trim().slice(0, 120), command })),
  );
}

function shellCalls(text: string): string[][] {
  const pattern = new RegExp(`(?:^|[\\s;&|('"\`])(?:${CLIS.join('|')})\\s+([^;&|\\n]*)`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[1].trim().split(/\s+/));
}

function commandOf(args: ts.Expression | undefined): string | undefined {
  if (!args || !ts.isArrayLiteralExpression(args)) return undefined;
  const words: Array<string | undefined> = args.elements.map((e) => literalText(e));
  return commandOfWords(words);
}

/** The first word that is neither an option nor an option's value; undefined if not a literal. */
function commandOfWords(words: Array<string | undefined>): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) return undefined;
    if (WITH_VALUE.has(w)) i++;
    else if (!w.startsWith('-') && w !== '') return w;
  }
  return undefined;
}

function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}

/** `rabbitmqctl -n ${node} stop_app` read as text, each substitution a word of its own. */
function templateText(node: ts.Node): string | undefined {
  if (!ts.isTemplateExpression(node)) return undefined;
  return node.head.text + node.templateSpans.map((s) => ` \${…} ${s.literal.text}`).join('');
}

function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}
