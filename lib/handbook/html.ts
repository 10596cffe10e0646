// The household handbook (扶贫手册) as printable HTML: A5 pages, Chinese, each household a section
// starting on a new page. The face is the notice's (decision 0016): the installed CJK serif (Noto
// Serif CJK on Debian) named by family, so nothing is fetched; Chromium embeds the glyphs it uses
// in the PDF (lib/handbook/pdf.ts). Labels are always Chinese, whatever the UI locale.
import "server-only";
import { createTranslator } from "next-intl";
import { messages } from "@/i18n/messages";
import { chinaDay } from "@/lib/domain/china-time";
import { EXCLUDED_ITEM_COLUMNS, INCOME_ITEM_COLUMNS, TRANSFER_ITEM_COLUMNS } from "@/lib/validation/income-record";
import type { HandbookHousehold } from "@/lib/data/handbook";
import { formatFixed as yuan } from "@/lib/domain/format";

const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"] });
const hb = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"], namespace: "countyRecords.handbook" });
const inc = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"], namespace: "countyRecords.income" });

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (s: string | number | null | undefined): string => String(s ?? "").replace(/[&<>"']/g, (c) => ESC[c] ?? c);
const day = (d: Date | null | undefined) => (d ? chinaDay(d) : "—");

const STYLE = `
@page { size: A5 portrait; margin: 12mm 11mm 13mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; font-size: 9.5pt; line-height: 1.45; color: #111; }
.hb { break-before: page; }
.hb:first-of-type { break-before: auto; }
.hb-head { text-align: center; border-bottom: 1.5pt solid #9b1c1c; padding-bottom: 3mm; margin-bottom: 3mm; }
.hb-head .t { font-size: 20pt; font-weight: 700; letter-spacing: 0.3em; color: #9b1c1c; margin: 0; }
.hb-head .s { font-size: 11pt; margin: 1mm 0 0; }
.hb-head .p { font-size: 8.5pt; color: #444; margin: 1mm 0 0; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; border-left: 3pt solid #9b1c1c; padding-left: 2mm; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 2mm 0 1mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; }
th, td { border: 0.5pt solid #555; padding: 0.6mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #f3f0ea; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
dl.kv { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 0.6mm 2mm; margin: 0 0 2mm; }
dl.kv dt { color: #444; white-space: nowrap; }
dl.kv dd { margin: 0; }
.none { color: #555; font-style: italic; margin: 0 0 2mm; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
li { break-inside: avoid; }
.visit { break-inside: avoid; margin: 0 0 1.5mm; }
.visit .d { font-weight: 600; }
.sign { margin-top: 4mm; display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; font-size: 9pt; }
.sign div { border-top: 0.5pt solid #555; padding-top: 1mm; min-height: 12mm; }
.unsigned { color: #9b1c1c; }
`;

export function handbookHead(title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>`;
}

export const handbookFoot = "</body></html>";

function kv(pairs: [string, string][]): string {
  return `<dl class="kv">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

/** One household's booklet: a section that starts on a new page. `printedOn`: the date on its head. */
export function handbookSection(h: HandbookHousehold, printedOn: Date): string {
  const out: string[] = [];
  out.push(`<section class="hb" data-household="${esc(h.id)}">`);
  out.push(
    `<header class="hb-head"><p class="t">${esc(hb("title"))}</p>` +
      `<p class="s">${esc(hb("householdOf", { name: h.headName }))}</p>` +
      `<p class="p">${esc(`${h.township} · ${h.village} · ${hb("number")} ${h.number}`)}</p></header>`,
  );

  // 一、the household
  const status = [zh(`registered.${h.registeredStatus}`), h.monitoringCategory ? zh(`monitoring.${h.monitoringCategory}`) : null]
    .filter(Boolean)
    .join("，");
  out.push(`<h2>${esc(hb("sections.household"))}</h2>`);
  out.push(
    kv([
      [hb("head"), h.headName],
      [hb("number"), h.number],
      [hb("address"), h.address ?? "—"],
      [hb("type"), h.type ? zh(`countyRecords.type.${h.type.type}`) : zh("countyRecords.type.none")],
      [hb("status"), status],
      [hb("registeredAt"), day(h.registeredAt)],
      [hb("liftedAt"), day(h.liftedAt)],
      [hb("perCapita"), h.perCapitaIncome == null ? "—" : `${yuan(h.perCapitaIncome)} ${zh("common.yuan")}`],
      [hb("causes"), h.causes.map((c) => zh(`causes.${c}`)).join("、") || "—"],
      [hb("relocated"), h.relocated ? hb("relocatedFrom", { year: h.relocated.year, from: h.relocated.from ?? "—" }) : "—"],
    ]),
  );
  if (h.type) out.push(`<p class="none">${esc(hb("typeSince", { since: day(h.type.since), basis: h.type.basis }))}</p>`);

  // 二、members (IDs masked)
  out.push(`<h2>${esc(hb("sections.members", { n: h.members.length }))}</h2>`);
  out.push(
    `<table><thead><tr><th>${esc(hb("name"))}</th><th>${esc(hb("relation"))}</th><th>${esc(hb("sex"))}</th><th>${esc(hb("born"))}</th><th>${esc(hb("nationalId"))}</th><th>${esc(hb("labor"))}</th></tr></thead><tbody>` +
      h.members
        .map(
          (m) =>
            `<tr><td>${esc(m.name)}</td><td>${esc(zh(`relation.${m.relation}`))}</td><td>${esc(hb(`sexes.${m.sex}`))}</td><td class="n">${m.birthYear}</td><td class="n" data-national-id>${esc(m.nationalId ?? "—")}</td><td>${esc(zh(`labor.${m.laborCapacity}`))}</td></tr>`,
        )
        .join("") +
      `</tbody></table>`,
  );

  // 三、income records
  out.push(`<h2>${esc(hb("sections.income"))}</h2>`);
  if (h.income.length === 0) out.push(`<p class="none">${esc(inc("none"))}</p>`);
  for (const r of h.income) {
    const signed = r.signedAt
      ? `${inc("signedOn", { date: day(r.signedAt) })}${r.signMethod ? `（${inc(`method.${r.signMethod}`)}）` : ""}`
      : inc("unsigned");
    out.push(
      `<h3>${esc(hb("incomeYear", { year: r.year, revision: r.revision }))} · <span class="${r.signedAt ? "" : "unsigned"}">${esc(signed)}</span></h3>`,
    );
    const rows = [...INCOME_ITEM_COLUMNS, ...TRANSFER_ITEM_COLUMNS]
      .filter((c) => r.items[c] !== 0)
      .map((c) => `<tr><td>${c === "incomeBusinessCosts" ? "− " : ""}${esc(inc(c))}</td><td class="n">${yuan(r.items[c])}</td></tr>`);
    const excluded = EXCLUDED_ITEM_COLUMNS.filter((c) => r.items[c] !== 0).map(
      (c) => `<tr><td>${esc(inc(c))}（${esc(hb("notCounted"))}）</td><td class="n">${yuan(r.items[c])}</td></tr>`,
    );
    out.push(
      `<table><tbody>${rows.join("")}${excluded.join("")}` +
        `<tr><th>${esc(inc("netIncome"))}</th><td class="n">${yuan(r.householdNetIncome)}</td></tr>` +
        `<tr><th>${esc(inc("countedMembers"))}</th><td class="n">${r.countedMembers}</td></tr>` +
        `<tr><th>${esc(inc("perCapita"))}</th><td class="n">${yuan(r.perCapitaIncome)}</td></tr></tbody></table>`,
    );
  }

  // 四、the plan (一户一策)
  out.push(`<h2>${esc(hb("sections.plan"))}</h2>`);
  if (!h.plan) out.push(`<p class="none">${esc(hb("noPlan"))}</p>`);
  else {
    const done = h.plan.items.filter((i) => i.doneAt).length;
    out.push(
      kv([
        [hb("planYear"), String(h.plan.year)],
        [hb("expected"), `${yuan(h.plan.expectedIncome)} ${zh("common.yuan")}`],
        [hb("causes"), h.plan.causes.map((c) => zh(`causes.${c}`)).join("、") || "—"],
        [hb("progress"), hb("progressOf", { done, total: h.plan.items.length })],
      ]),
    );
    if (h.plan.note) out.push(`<p>${esc(h.plan.note)}</p>`);
    if (h.plan.items.length > 0)
      out.push(
        `<ul>${h.plan.items.map((i) => `<li>${i.doneAt ? "☑" : "☐"} ${esc(i.text)}${i.doneAt ? `（${esc(hb("doneOn", { date: day(i.doneAt) }))}）` : ""}</li>`).join("")}</ul>`,
      );
  }

  // 五、measures
  out.push(`<h2>${esc(hb("sections.measures", { n: h.measures.length }))}</h2>`);
  if (h.measures.length === 0) out.push(`<p class="none">${esc(hb("noMeasures"))}</p>`);
  else
    out.push(
      `<table><thead><tr><th>${esc(hb("kind"))}</th><th>${esc(hb("measure"))}</th><th>${esc(hb("amount"))}</th><th>${esc(hb("from"))}</th></tr></thead><tbody>` +
        h.measures
          .map(
            (m) =>
              `<tr><td>${esc(zh(`plan.kind.${m.kind}`))}</td><td>${esc(m.description)}${m.loanStatus ? `（${esc(zh(`plan.loan.${m.loanStatus}`))}）` : ""}</td><td class="n">${m.amount ? yuan(m.amount) : "—"}</td><td class="n">${day(m.startDate)}</td></tr>`,
          )
          .join("") +
        `</tbody></table>`,
    );

  // 六、visits
  out.push(`<h2>${esc(hb("sections.visits", { n: h.visits.length }))}</h2>`);
  if (h.visits.length === 0) out.push(`<p class="none">${esc(hb("noVisits"))}</p>`);
  for (const v of h.visits) {
    const lines = [v.findings, v.problems && `${hb("problems")}：${v.problems}`, v.actionsTaken && `${hb("actions")}：${v.actionsTaken}`]
      .filter(Boolean)
      .map((l) => esc(l as string))
      .join("<br>");
    out.push(
      `<div class="visit"><span class="d">${day(v.date)} · ${esc(zh(`visitMode.${v.mode}`))} · ${esc(v.cadre)}</span><br>${lines}</div>`,
    );
  }

  // 七、the cadre and pairing unit
  out.push(`<h2>${esc(hb("sections.cadre"))}</h2>`);
  out.push(
    h.cadre
      ? kv([
          [hb("cadre"), h.cadre.name],
          [hb("phone"), h.cadre.phone ?? "—"],
          [hb("unit"), h.cadre.unit ?? "—"],
          ["", ""],
        ])
      : `<p class="none">${esc(hb("noCadre"))}</p>`,
  );
  out.push(
    `<div class="sign"><div>${esc(hb("signHousehold"))}</div><div>${esc(hb("signCadre"))}</div></div>` +
      `<p class="none">${esc(hb("printedOn", { date: day(printedOn) }))}</p>`,
  );
  out.push(`</section>`);
  return out.join("");
}

/** A whole booklet in one string (one household, or a short list). Villages stream handbookSection. */
export function handbookHtml(households: HandbookHousehold[], printedOn: Date): string {
  return handbookHead(hb("title")) + households.map((h) => handbookSection(h, printedOn)).join("") + handbookFoot;
}

export const handbookTitle = (): string => hb("title");

/**
 * A village's booklets as streamed HTML (`?format=html`: the page Chromium prints, to look at or
 * print from the browser): the head, then each batch of households as it is read, then the foot.
 */
export function villageHandbookHtmlStream(
  v: { village: { name: string; township: string }; batches: () => AsyncGenerator<HandbookHousehold[]> },
  printedOn: Date,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let it: AsyncGenerator<HandbookHousehold[]> | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (!it) {
        it = v.batches();
        controller.enqueue(enc.encode(handbookHead(`${hb("title")} ${v.village.township} ${v.village.name}`)));
        return;
      }
      const next = await it.next();
      if (next.done) {
        done = true;
        controller.enqueue(enc.encode(handbookFoot));
        controller.close();
        return;
      }
      controller.enqueue(enc.encode(next.value.map((h) => handbookSection(h, printedOn)).join("")));
    },
    async cancel() {
      await it?.return(undefined);
    },
  });
}
