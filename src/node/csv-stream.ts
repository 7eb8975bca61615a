// Reads one CSV file through papaparse, hashed (sha256) on the way, decoded as UTF-8 (without a leading BOM) and
// handed over record by record with its 1-based line. A file of up to 16 MB (each file of the real release and the
// demo) is read in one call and parsed from that one string; a larger one is streamed in 1 MB chunks, so memory
// stays bounded as the release grows. Both paths hand the parser the same pieces and report the same records.

import { createHash, type Hash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { ReleaseInputError } from '../lib/csv/errors.ts';

export interface CsvFileInfo {
  sha256: string;
  /** Data records (non-empty lines after the header). */
  rows: number;
}

export interface ReadProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
}

interface CsvHandlers {
  /** The header record; called once, before any data record. */
  onHeader(cells: string[]): void;
  onRecord(cells: string[], line: number): void;
  onProgress?: (progress: ReadProgress) => void;
}

const READ_BYTES = 1 << 20;
/**
 * Files up to this size are read whole: one read and one UTF-8 decoding of one buffer instead of a stream, a
 * transform and a decoder per megabyte. Measured on the demo's three ~4 MB files; the string and the buffer are
 * what the file costs in memory, far below the bound the streaming path keeps for million-image releases.
 */
const WHOLE_FILE_MAX_BYTES = 16 << 20;
/**
 * The parser gets the text in pieces of this many characters: its result for one piece (an array per row, a string
 * per cell) then dies young, which measured at a quarter of the garbage-collection time of 1 MB pieces.
 */
const PARSE_CHARS = 1 << 16;

/**
 * Counts '\n' in the text the parser consumed, so that line numbers only need a per-cell scan in the rare chunk
 * whose records hold quoted newlines (more newlines than records). Keeps the decoded text until it is consumed.
 */
class ConsumedText {
  private pieces: string[] = [];
  /** Absolute offset of pieces[0]. */
  private start = 0;
  private counted = 0;
  /** Absolute offset just past the last piece pushed. */
  end = 0;

  push(text: string): void {
    this.pieces.push(text);
    this.end += text.length;
  }

  /** Newlines between the previous call's cursor and `cursor` (absolute offsets), dropping text before it. */
  newlinesUpTo(cursor: number): number {
    let newlines = 0;
    let pieceStart = this.start;
    for (const piece of this.pieces) {
      const from = Math.max(this.counted, pieceStart) - pieceStart;
      const to = Math.min(cursor, pieceStart + piece.length) - pieceStart;
      for (let at = piece.indexOf('\n', from); at >= 0 && at < to; at = piece.indexOf('\n', at + 1)) newlines++;
      pieceStart += piece.length;
      if (pieceStart >= cursor) break;
    }
    this.counted = cursor;
    while (this.pieces.length > 0 && this.start + this.pieces[0].length <= cursor) this.start += this.pieces.shift()!.length;
    return newlines;
  }
}

/** Newlines inside quoted fields: the next record starts that many lines further down. */
function embeddedNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) count++;
  }
  return count;
}

function parseErrorReason(code: string): string {
  if (code === 'MissingQuotes') return 'the CSV cannot be parsed: a quoted field is never closed';
  if (code === 'InvalidQuotes') return 'the CSV cannot be parsed: a quoted field has text after its closing quote';
  return `the CSV cannot be parsed (${code})`;
}

/**
 * Reads `path` (shown to the user as `file`) and calls the handlers. Rejects with a ReleaseInputError for an
 * empty file or a CSV papaparse cannot parse, and with whatever a handler throws (it stops reading at once).
 */
export async function streamCsv(
  path: string,
  file: string,
  handlers: CsvHandlers,
  { wholeFileMaxBytes = WHOLE_FILE_MAX_BYTES }: { wholeFileMaxBytes?: number } = {},
): Promise<CsvFileInfo> {
  const bytesTotal = (await stat(path)).size;
  const hash = createHash('sha256');
  const consumed = new ConsumedText();
  if (bytesTotal > wholeFileMaxBytes) {
    const { text, source } = streamText(path, file, bytesTotal, hash, consumed, handlers);
    return parseRecords(text as unknown as File, file, handlers, consumed, hash, {
      watch: (fail) => source.on('error', (error) => fail(error)),
      stop: () => {
        source.destroy();
        text.destroy();
      },
    });
  }
  const bytes = await readFile(path);
  hash.update(bytes as unknown as Uint8Array);
  handlers.onProgress?.({ file, bytesRead: bytes.length, bytesTotal });
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  consumed.push(text);
  // The parser cuts the string into the streaming path's pieces: its results for one piece die young.
  return parseRecords(text, file, handlers, consumed, hash, { chunkSize: PARSE_CHARS });
}

/** The file as a stream of decoded pieces of at most PARSE_CHARS characters, hashed and counted on the way. */
function streamText(
  path: string,
  file: string,
  bytesTotal: number,
  hash: Hash,
  consumed: ConsumedText,
  handlers: CsvHandlers,
): { text: Transform; source: ReadStream } {
  const source = createReadStream(path, { highWaterMark: READ_BYTES });
  const decoder = new StringDecoder('utf8');
  let bytesRead = 0;
  let first = true;
  // Object mode on the readable side: each piece reaches the parser as pushed (a byte-mode stream may join them).
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk as unknown as Uint8Array);
      bytesRead += chunk.length;
      handlers.onProgress?.({ file, bytesRead, bytesTotal });
      // StringDecoder keeps a character split across two read chunks whole. (A Latin-1 shortcut for ASCII chunks
      // measured slower and bigger: Node makes large Latin-1 strings external.)
      let decoded = decoder.write(chunk);
      if (first && decoded.length > 0) {
        first = false;
        if (decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
      }
      for (let at = 0; at < decoded.length; at += PARSE_CHARS) this.push(decoded.slice(at, at + PARSE_CHARS));
      done();
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest === '' ? undefined : rest);
    },
  });
  // Registered before papaparse's listener, so each piece is known before the parser reports rows from it.
  text.on('data', (piece: string) => consumed.push(piece));
  source.pipe(text);
  return { text, source };
}

interface InputControl {
  /** Parser's piece size for a string input. */
  chunkSize?: number;
  /** Registers the input's own failures. */
  watch?: (fail: (error: unknown) => void) => void;
  /** Stops reading the input (after a failure). */
  stop?: () => void;
}

/** Runs papaparse over `input` and hands each record, with its line, to the handlers. */
function parseRecords(
  input: string | File,
  file: string,
  handlers: CsvHandlers,
  consumed: ConsumedText,
  hash: Hash,
  control: InputControl,
): Promise<CsvFileInfo> {
  return new Promise<CsvFileInfo>((resolve, reject) => {
    let settled = false;
    let header = true;
    let nextLine = 1;
    let rows = 0;
    const fail = (error: unknown, parser?: Papa.Parser): void => {
      if (settled) return;
      settled = true;
      parser?.abort();
      control.stop?.();
      reject(error);
    };
    control.watch?.(fail);

    Papa.parse<string[]>(input as File, {
      delimiter: ',',
      quoteChar: '"',
      skipEmptyLines: false,
      chunkSize: control.chunkSize,
      chunk(results, parser) {
        if (settled) return;
        try {
          const records = results.data;
          // Each record ends with one newline, except the file's last one (the chunk that reaches the end of the
          // text read so far may hold it): any more newlines are inside quotes.
          const unterminated = results.meta.cursor >= consumed.end ? 1 : 0;
          const quotedNewlines = consumed.newlinesUpTo(results.meta.cursor) > records.length - unterminated;
          const errorRow = results.errors.length > 0 ? Math.min(...results.errors.map((e) => e.row ?? 0)) : -1;
          for (let i = 0; i < records.length; i++) {
            if (i === errorRow) break;
            const cells = records[i];
            const line = nextLine;
            nextLine += quotedNewlines ? 1 + embeddedNewlines(cells) : 1;
            if (cells.length === 1 && cells[0] === '') continue; // a blank line
            if (header) {
              header = false;
              handlers.onHeader(cells);
            } else {
              rows++;
              handlers.onRecord(cells, line);
            }
          }
          if (errorRow >= 0) {
            const error = results.errors.find((e) => (e.row ?? 0) === errorRow)!;
            throw new ReleaseInputError({ file, line: nextLine }, parseErrorReason(error.code));
          }
        } catch (error) {
          fail(error, parser);
        }
      },
      complete() {
        if (settled) return;
        if (header) return fail(new ReleaseInputError({ file }, 'the file is empty: no header line'));
        settled = true;
        resolve({ sha256: hash.digest('hex'), rows });
      },
      error(error: Error) {
        fail(error);
      },
    });
  });
}
