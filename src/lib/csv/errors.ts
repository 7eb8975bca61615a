// The one error type a broken release produces. Its message is the single line the CLI prints: it names the file,
// and for CSV problems the line and column, so a user can open the file and fix it.

export interface InputLocation {
  /** File name relative to the release folder, e.g. "finding_annotations.csv". */
  file: string;
  /** 1-based line in that file, when the problem is on one line. */
  line?: number;
  /** Column header name, when the problem is one value. */
  column?: string;
}

export class ReleaseInputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  /** The message without its location. */
  readonly reason: string;

  constructor(location: InputLocation, reason: string) {
    super(formatLocation(location) + ': ' + reason);
    this.name = 'ReleaseInputError';
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.reason = reason;
  }
}

function formatLocation({ file, line, column }: InputLocation): string {
  let text = line === undefined ? file : `${file}:${line}`;
  if (column !== undefined) text += `, column "${column}"`;
  return text;
}

/** A value that is not one of the allowed spellings. */
export function invalidValue(
  location: Required<InputLocation>,
  value: string,
  expected: string,
): ReleaseInputError {
  const shown = value === '' ? 'an empty value' : JSON.stringify(value);
  return new ReleaseInputError(location, `${shown} is not valid; expected ${expected}`);
}
