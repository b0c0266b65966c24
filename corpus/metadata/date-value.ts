/** A date as the text writes it, and the Gregorian day it names (null when it names none). */
export interface DateValue {
  iso: string | null;
  original: string;
}
