// Lint rules enforce the architecture's import direction (see README, "Architecture"):
// domain is pure; only src/map touches MapLibre; browser code never reaches the Node pipeline,
// only its pure core (src/pipeline/core: the row rules, the geocoder, CSV reading), which
// itself uses no Node built-in, so the CLI and the browser run the same code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const mapLibraries = [
  { name: 'maplibre-gl', message: 'Only src/map imports MapLibre.' },
  { name: 'react-map-gl', message: 'Only src/map imports react-map-gl.' },
  { name: 'react-map-gl/maplibre', message: 'Only src/map imports react-map-gl.' },
];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'url', 'module', 'worker_threads', 'child_process', 'v8', 'crypto', 'buffer', 'stream', 'iconv-lite'];
const pipelinePatterns = [
  {
    regex: '(^|/)pipeline(/(?!core(/|$)).*)?$',
    message: 'The Node pipeline is never imported by browser code: import its pure core (src/pipeline/core) instead.',
  },
  { group: nodeBuiltins, message: 'Browser code cannot use Node built-ins.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'public/**', 'bench/results/**', 'bench/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain scripts that run in partners' pages and in the demo host page.
    files: ['**/*.js'],
    ignores: ['eslint.config.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['eslint.config.js', 'scripts/**', 'bench/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // The two classic rules: hooks called unconditionally, effects list what they read.
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Size limits (issue 14): a newcomer reads any file in one sitting and any function in one
    // screenful or two; past these, a file or function is doing several jobs and should be split.
    // Physical lines, comments and blank lines included, as the rules count by default.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 150 }],
    },
  },
  {
    // No import cycle anywhere in src/: a cycle makes modules impossible to read, test or load
    // one at a time (the folder directions below cannot see one inside a folder).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // What src/ imports ships with the app or the CLI: it must be a dependency, not a devDependency.
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, optionalDependencies: false, peerDependencies: false }],
    },
  },
  {
    // Tests, bench and scripts may use devDependencies, but nothing undeclared.
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', '*.config.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-extraneous-dependencies': ['error', { devDependencies: true }] },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...mapLibraries,
          { name: 'react', message: 'src/domain is pure TypeScript: no React.' },
          { name: 'react-dom', message: 'src/domain is pure TypeScript: no React.' },
          { name: 'zustand', message: 'src/domain holds no state.' },
        ],
        patterns: [
          ...pipelinePatterns,
          { group: ['**/state/**', '**/map/**', '**/features/**', '**/app/**'], message: 'src/domain depends on nothing else in src.' },
        ],
      }],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'localStorage', 'fetch'],
    },
  },
  {
    files: ['src/state/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: mapLibraries,
        patterns: [...pipelinePatterns, { group: ['**/map/**', '**/features/**', '**/app/**'], message: 'src/state depends only on src/domain.' }],
      }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: mapLibraries,
        patterns: [
          ...pipelinePatterns,
          { group: ['**/app/**'], message: 'Features do not import the app shell.' },
          { group: ['**/map/**'], message: 'Features do not reach into src/map: they talk to the map through the store (src/state).' },
        ],
      }],
    },
  },
  {
    files: ['src/map/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...pipelinePatterns, { group: ['**/features/**', '**/app/**'], message: 'src/map depends on src/state and src/domain only, never on the UI around it.' }],
      }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...pipelinePatterns,
          { regex: '(^|/)map/(?!MapView$|PreviewMap$)', message: 'The app shell knows the map only by its entry, src/map/MapView (src/map/PreviewMap for the publish page): the rest is the map\'s inside.' },
        ],
      }],
    },
  },
  {
    files: ['src/pipeline/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...mapLibraries, { name: 'react', message: 'The pipeline is a Node CLI.' }],
        patterns: [{ group: ['**/state/**', '**/map/**', '**/features/**', '**/app/**'], message: 'The pipeline uses only src/domain.' }],
      }],
    },
  },
  {
    files: ['src/pipeline/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...mapLibraries, { name: 'react', message: 'The pipeline core is plain TypeScript.' }],
        patterns: [
          { group: nodeBuiltins, message: 'src/pipeline/core runs in the browser too: no Node built-ins.' },
          { regex: '^\\.\\./(?!\\.\\./domain/|\\.\\./\\.\\./data/)', message: 'src/pipeline/core imports only itself and src/domain, never the Node side of the pipeline.' },
          { group: ['**/state/**', '**/map/**', '**/features/**', '**/app/**'], message: 'The pipeline uses only src/domain.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'require', '__dirname', '__filename'],
    },
  },
);
