// Streams one CSV file through papaparse with bounded memory: the file is read in 1 MB chunks, hashed (sha256)
// on the way, decoded as UTF-8 (without a leading BOM) and handed over record by record with its 1-based line.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

  push(text: string): void {
    this.pieces.push(text);
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
export async function streamCsv(path: string, file: string, handlers: CsvHandlers): Promise<CsvFileInfo> {
  const bytesTotal = (await stat(path)).size;
  const hash = createHash('sha256');
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
  const consumed = new ConsumedText();
  text.on('data', (piece: string) => consumed.push(piece));
  source.pipe(text);

  return new Promise<CsvFileInfo>((resolve, reject) => {
    let settled = false;
    let header = true;
    let nextLine = 1;
    let rows = 0;
    const fail = (error: unknown, parser?: Papa.Parser): void => {
      if (settled) return;
      settled = true;
      parser?.abort();
      source.destroy();
      text.destroy();
      reject(error);
    };
    source.on('error', (error) => fail(error));

    Papa.parse<string[]>(text as unknown as File, {
      delimiter: ',',
      quoteChar: '"',
      skipEmptyLines: false,
      chunk(results, parser) {
        if (settled) return;
        try {
          const records = results.data;
          // Each record ends with one newline (the last one of the file may not): any more are inside quotes.
          const quotedNewlines = consumed.newlinesUpTo(results.meta.cursor) > records.length;
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
