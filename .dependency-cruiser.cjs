// The layers of Hashiya, checked by dependency-cruiser in `npm test` (test/architecture).
// From the bottom: text, then metadata, then the extractors and annotations, then the folder, search, alignment
// and catalog, then the API contract, then the services that answer it and the CLI; the
// Electron shell and the renderer on top, apart. Each rule names what a layer may not import.
const UPPER_CORPUS = '^corpus/(folder|search|align|catalog|api|services|cli)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle makes every module in it depend on every other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'text-is-the-bottom',
      severity: 'error',
      comment: 'Decoding, language, normalisation and segmentation depend on nothing else of ours.',
      from: { path: '^corpus/text/' },
      to: { path: '^(corpus|annotations|electron|renderer)/', pathNot: '^corpus/text/' },
    },
    {
      name: 'metadata-sits-on-text',
      severity: 'error',
      comment: 'Headline, outlet, date and furniture detection use the text layer only.',
      from: { path: '^corpus/metadata/' },
      to: { path: '^(corpus|annotations|electron|renderer)/', pathNot: '^corpus/(text|metadata)/' },
    },
    {
      name: 'extract-sits-on-text-and-metadata',
      severity: 'error',
      comment: 'Extractors turn a file into text and the file\'s own metadata; they know text and metadata, nothing above.',
      from: { path: '^corpus/extract/' },
      to: { path: '^(corpus|annotations|electron|renderer)/', pathNot: '^corpus/(text|metadata|extract)/' },
    },
    {
      name: 'annotations-sit-on-text-and-metadata',
      severity: 'error',
      comment: 'The annotation model, store, anchoring, quotations and exports know text and metadata, nothing above.',
      from: { path: '^annotations/' },
      to: { path: `${UPPER_CORPUS}|^(electron|renderer)/` },
    },
    {
      name: 'folder-below-search-and-catalog',
      severity: 'error',
      from: { path: '^corpus/folder/' },
      to: { path: '^corpus/(search|align|catalog|api|services|cli)/' },
    },
    {
      name: 'search-below-catalog',
      severity: 'error',
      from: { path: '^corpus/search/' },
      to: { path: '^corpus/(align|catalog|api|services|cli)/' },
    },
    {
      name: 'align-stands-alone',
      severity: 'error',
      comment: 'Alignment is text logic that runs in Node and the browser: no files, no index.',
      from: { path: '^corpus/align/' },
      to: { path: '^corpus/(folder|search|catalog|api|services|cli)/' },
    },
    {
      name: 'catalog-below-the-contract',
      severity: 'error',
      from: { path: '^corpus/catalog/' },
      to: { path: '^corpus/(align|api|services|cli)/' },
    },
    {
      name: 'contract-is-not-a-domain-import',
      severity: 'error',
      comment: 'The API contract is assembled from domain types; no domain module imports it.',
      from: { path: '^(annotations|corpus/(text|metadata|folder|search|align|catalog))/' },
      to: { path: '^corpus/api/' },
    },
    {
      name: 'contract-above-the-domain-below-the-services',
      severity: 'error',
      from: { path: '^corpus/api/' },
      to: { path: '^corpus/(services|cli)/|^(electron|renderer)/' },
    },
    {
      name: 'services-below-the-cli',
      severity: 'error',
      from: { path: '^corpus/services/' },
      to: { path: '^corpus/cli/|^(electron|renderer)/' },
    },
    {
      name: 'domain-knows-no-shell-or-ui',
      severity: 'error',
      from: { path: '^(annotations|corpus)/' },
      to: { path: '^(electron|renderer)/|^node_modules/(electron|prosemirror-[a-z]+)/' },
    },
    {
      name: 'shell-and-ui-apart',
      severity: 'error',
      comment: 'The shell and the renderer meet only through the API contract.',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'ui-and-shell-apart',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
    {
      name: 'renderer-uses-the-api-not-the-services',
      severity: 'error',
      comment: 'The window reaches files only through the API; it runs no detector and reads no folder.',
      from: { path: '^renderer/' },
      to: { path: '^corpus/(services|folder|catalog|search/(search-engine|index-store)|metadata|cli)/|^annotations/store/' },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-electron-outside-the-shell',
      severity: 'error',
      comment: 'A module a Node test loads may not import electron (it throws outside the app).',
      from: { path: '^(annotations|corpus|renderer)/' },
      to: { path: '^node_modules/electron/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|node_modules|corpus/sample)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.mjs', '.js', '.cjs', '.json'] },
  },
};
