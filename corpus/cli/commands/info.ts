import type { CliCommand } from '../command';

export const command: CliCommand = async () => {
  process.stderr.write('hashiya info: not implemented yet\n');
  return 1;
};
