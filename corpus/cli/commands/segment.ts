import type { CliCommand } from '../command';

export const command: CliCommand = async () => {
  process.stderr.write('hashiya segment: not implemented yet\n');
  return 1;
};
