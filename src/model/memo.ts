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
