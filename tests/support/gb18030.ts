// Text as Excel on a Chinese Windows saves "CSV (逗号分隔)": GB18030 (GBK for everyday
// characters). The platform has a GB18030 decoder but no encoder: each character's two bytes are
// found by decoding the GBK range once.
let table: Map<string, number[]> | undefined;

function gbTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const d = new TextDecoder("gb18030");
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = d.decode(Uint8Array.from([a, b]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
}

export function gb18030(text: string): Uint8Array {
  const t = gbTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = t.get(ch);
      if (!bytes) throw new Error(`no GBK bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
