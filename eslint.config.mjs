import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const FEATURES = ['orders', 'inventory', 'billing', 'notifications'];
const FRAMEWORKS = ['@nestjs/*', 'mongoose', 'class-validator', 'class-transformer', 'amqplib'];

/**
 * The module boundaries, as import rules. A feature module talks to the others only through the
 * broker, and to messaging only through its front door (src/messaging/index.ts); its domain
 * layer knows no framework and no outer layer. One block per module, because a later
 * no-restricted-imports setting replaces an earlier one rather than adding to it.
 */
function boundaries(feature, { domain }) {
  const others = FEATURES.filter((f) => f !== feature);
  const patterns = [
    {
      group: others.flatMap((f) => [`**/${f}`, `**/${f}/**`]),
      message: `A feature module never imports another (${others.join(', ')}): talk through the broker.`,
    },
    {
      group: ['**/messaging/**'],
      message:
        "Import messaging only through its front door: '../../messaging' (src/messaging/index.ts).",
    },
  ];
  if (domain)
    patterns.push(
      { group: FRAMEWORKS, message: 'The domain layer imports no framework.' },
      {
        group: [
          '**/infrastructure/**',
          '**/application/**',
          '**/api/**',
          '**/messaging',
          '../*.module',
        ],
        message: 'The domain layer imports nothing from the layers around it.',
      },
    );
  return {
    files: [`src/${feature}/**/${domain ? 'domain/**/' : ''}*.ts`],
    // Tests wire things together on purpose; the rules are for production code.
    ignores: ['**/*.spec.ts', '**/*.fixtures.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through AppConfig, not process.env.',
        },
      ],
    },
  },
  ...FEATURES.flatMap((f) => [boundaries(f, { domain: false }), boundaries(f, { domain: true })]),
  {
    files: ['src/common/config/**', 'test/**', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
