// A Word file's XML parts taken out of its zip with every size checked before anything is
// inflated: a few kilobytes of zip can claim (and inflate to) gigabytes, and a Word file
// names its parts' sizes in the zip's directory, so a claim too large is refused unread, and
// no part is inflated past the size it claims (fflate writes into a buffer of that size).
import { unzipSync, zipSync } from 'fflate';
import { ExtractionError } from '../types';

/** Larger than any real document part (a 1,000-page report's document.xml is some 20 MB). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** All the XML parts together. */
export const MAX_PARTS_BYTES = 128 * 1024 * 1024;
/** A Word file has a few dozen entries; tens of thousands is a flood, not a document. */
export const MAX_ENTRIES = 10_000;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted Office file's OLE container holds. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Only the text's parts are taken: pictures, fonts and embedded objects are never inflated. */
function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/**
 * The XML parts of the Word file `bytes` by name. Throws an `ExtractionError` saying why a
 * file is not one: password-protected (Word then writes an OLE container, not a zip), an old
 * .doc renamed, not a zip at all, cut off, or claiming sizes no document has.
 */
export function readDocxParts(bytes: Uint8Array): Map<string, Uint8Array> {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) {
      throw new ExtractionError('This Word file is password-protected: open it in Word, remove the password (File → Info → Protect Document), and save it again.');
    }
    throw new ExtractionError('This is an old Word (.doc) file named .docx: open it in Word or LibreOffice and save it as .docx.');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ExtractionError('This file is named .docx but is not a Word document (a .docx is a zip file, and this is not one).');
  let entries = 0;
  let claimed = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (++entries > MAX_ENTRIES) throw new ExtractionError(`This Word file holds more than ${MAX_ENTRIES.toLocaleString('en')} entries: it is not a document, and was not read.`);
        if (!isXmlPart(file.name)) return false;
        claimed += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || claimed > MAX_PARTS_BYTES) {
          throw new ExtractionError(`This Word file claims ${formatMb(Math.max(file.originalSize, claimed))} of text once unpacked, more than a document has (a "zip bomb"); it was not unpacked.`);
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ExtractionError) throw e;
    throw new ExtractionError(`This Word file is damaged or cut off (${e instanceof Error ? e.message : 'unreadable zip'}); it could not be read.`);
  }
  return new Map(Object.entries(parts));
}

/**
 * The parts packed again, stored uncompressed, for mammoth: it unzips with its own library,
 * which would inflate whatever the original zip holds; this zip holds only parts already
 * inflated within their limits.
 */
export function repack(parts: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts), { level: 0 });
}

function formatMb(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}
