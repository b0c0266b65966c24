import type { CliCommand } from '../command';

export const command: CliCommand = async () => {
  process.stderr.write('hashiya merge-driver: not implemented yet\n');
  return 1;
};
