// The export formats by name: a module of its own, so that `hashiya export --help` can list them
// without loading the exporters.
export const EXPORT_FORMATS = ['csv', 'xlsx', 'docx', 'html', 'md', 'json', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
