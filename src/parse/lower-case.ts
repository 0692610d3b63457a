import { memoiseByString } from "../model/memo";

/**
 * Property names in lower case, remembered: the same few hundred names come round in every record of a paste,
 * and the list reader and every record's `Fields` fold each of them. One shared lower-case string per name
 * replaces a new string per field of every record.
 */
export const lowerCaseName = memoiseByString((name: string) => name.toLowerCase());
