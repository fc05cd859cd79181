/** Dice coefficient over character bigrams (single characters for one-character strings): 0–1. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (s: string) => {
    const chars = [...s];
    if (chars.length < 2) return chars;
    return chars.slice(1).map((ch, i) => chars[i] + ch);
  };
  const ga = grams(a);
  const gb = grams(b);
  if (!ga.length || !gb.length) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}

/** 1 − Levenshtein distance / longer length: 0–1. Catches dropped characters (交通厅 vs 交通运输厅) that bigrams undervalue. */
export function editSimilarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return 1 - prev[y.length]! / longer;
}

export function nameSimilarity(a: string, b: string): number {
  return Math.max(diceSimilarity(a, b), editSimilarity(a, b));
}
