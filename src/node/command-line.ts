// The command line the project's commands share: parse the flags strictly, print the usage for --help (exit 0) or
// with the reason for a wrong argument (exit 2), and end with one line for an input that cannot be read (exit 1).
// Exit codes: 0 done, 1 the input cannot be read, 2 wrong arguments.

import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine {
  /** Prints `<name>: <message>` on stderr and exits with `code`. */
  fail(message: string, code: 1 | 2): never;
  /** The usage error (exit 2): the message, then the usage. */
  usage(message: string): never;
}

export function commandLine(name: string, usage: string): CommandLine {
  const fail = (message: string, code: 1 | 2): never => {
    process.stderr.write(`${name}: ${message}\n`);
    process.exit(code);
  };
  return { fail, usage: (message) => fail(`${message}\n\n${usage}`, 2) };
}

/**
 * The flags as `parseArgs` reads them (strict: an unknown flag is a usage error), or null after printing the usage
 * for --help (the caller then returns). `help` is added to the options.
 */
export function readFlags<Values>(command: CommandLine, usage: string, options: Options): Values | null {
  let values: Record<string, unknown> = {};
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    command.usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(usage);
    return null;
  }
  return values as Values;
}
