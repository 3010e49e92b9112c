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
/** `-n ${node.node}`: a node named by a PrivateNode (its `node` property), never a literal. */
const PRIVATE_NODE = /^\$\{[\w$.]+\.node\}$/;
const ON_PRIVATE_NODE = '(on a private node)';
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
    if (command === ON_PRIVATE_NODE || (command !== undefined && READ_ONLY.has(command))) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ line, text: node.getText().slice(0, 120), command });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const args = [...node.arguments];
      const cli = args.findIndex((a) => CLIS.includes(literalText(a) ?? ''));
      if (cli >= 0) report(node, commandOf(args[cli + 1]));
      else if (CLI_HELPERS.includes(calleeName(node.expression) ?? ''))
        report(
          node,
          args[0] && isNodeName(args[0])
            ? ON_PRIVATE_NODE
            : commandOf(args.find(ts.isArrayLiteralExpression)),
        );
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
      .filter((c) => c === undefined || (c !== ON_PRIVATE_NODE && !READ_ONLY.has(c)))
      .map((command) => ({ line: i + 1, text: line.trim().slice(0, 120), command })),
  );
}

/** The words after each CLI name in a line of shell, unquoted. */
function shellCalls(text: string): string[][] {
  const pattern = new RegExp(`(?:^|[\\s;&|('"\`])(?:${CLIS.join('|')})\\s+([^;&|\\n)]*)`, 'g');
  return [...text.matchAll(pattern)].map((m) =>
    m[1]
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/^['"`]+|['"`]+$/g, '')),
  );
}

function commandOf(args: ts.Expression | undefined): string | undefined {
  if (!args || !ts.isArrayLiteralExpression(args)) return undefined;
  const words = args.elements.map((e) => (isNodeName(e) ? `\${${e.getText()}}` : literalText(e)));
  return commandOfWords(words);
}

/**
 * The first word that is neither an option nor an option's value; undefined if it is not a
 * literal. A private node's `-n` makes the whole call its own.
 */
function commandOfWords(words: Array<string | undefined>): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined || w.startsWith('${')) return undefined;
    if ((w === '-n' || w === '--node') && PRIVATE_NODE.test(words[i + 1] ?? ''))
      return ON_PRIVATE_NODE;
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

/** `rabbitmqctl -n ${node.node} stop_app` read as text, substitutions as written. */
function templateText(node: ts.Node): string | undefined {
  if (!ts.isTemplateExpression(node)) return undefined;
  const spans = node.templateSpans.map((s) => `\${${s.expression.getText()}}${s.literal.text}`);
  return node.head.text + spans.join('');
}

/** `node.node`, `n.node`, `this.node`: a PrivateNode's own name. */
function isNodeName(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 'node';
}

function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}
