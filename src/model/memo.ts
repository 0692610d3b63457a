/**
 * Remembers a pure function's answers per string argument. Subjects, issuers and TlsCertificateName values repeat
 * across every connector and rule of an organisation-sized paste (hundreds of thousands of questions about a few
 * thousand distinct strings). The cache empties itself when it reaches `limit`, so a worker that analyses paste
 * after paste keeps bounded memory. Answers are shared: callers must treat them as read-only.
 */
export function memoiseByString<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    const known = answers.get(text);
    // One lookup for the usual hit; `has` only tells a remembered `undefined` from a miss.
    if (known !== undefined || answers.has(text)) return known as T;
    if (answers.size >= limit) answers.clear();
    const answer = fn(text);
    answers.set(text, answer);
    return answer;
  };
}

/**
 * Remembers a pure function's answer per object, for as long as the object lives: facts about one certificate,
 * connector, date or analysis that several steps and rules ask for again. Answers are shared: read-only.
 */
export function memoiseByObject<K extends object, T>(fn: (key: K) => T): (key: K) => T {
  const answers = new WeakMap<K, T>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as T;
    const answer = fn(key);
    answers.set(key, answer);
    return answer;
  };
}
