// What the window hears of OCR: whether it can run here, and what a run read.
import type { OcrLanguage } from '../extract/ocr/ocr-tools';

export type { OcrLanguage };

export type OcrAvailability =
  | { available: true; /** e.g. "Tesseract 5.3.0" */ engine: string; languages: OcrLanguage[] }
  | { available: false; /** What to install, as a person reads it. */ message: string };

export interface OcrDone {
  file: string;
  pages: number;
  characters: number;
}
