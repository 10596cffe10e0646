// One household card (明白卡) as printed: A6, one per page. The QR code's SVG is made on the
// server (qrcode); its link is also printed in small type, for anyone without a scanner.
import type { PrintableCard as Card } from "@/lib/actions/card/issue-cards";

export interface CardLabels {
  title: string;
  head: string;
  number: string;
  scan: string;
  cadre: string;
  noCadre: string;
  hotline: string;
  keep: string;
}

export function PrintableCard({ card, labels }: { card: Card; labels: CardLabels }) {
  return (
    <article className="jz-card mx-auto flex flex-col border border-stone-400 bg-white text-black" data-testid="printed-card">
      <header className="flex items-baseline justify-between border-b-2 border-brand-700 pb-1">
        <h2 className="text-[6mm] font-bold text-brand-700">{labels.title}</h2>
        <span className="text-[3mm] text-stone-600">
          {labels.number} {card.number}
        </span>
      </header>
      <p className="mt-[2mm] text-[5.5mm] font-bold leading-tight">
        {labels.head}
        {card.headName}
      </p>
      <p className="text-[3.5mm] text-stone-700">{[card.townshipName, card.villageName].filter(Boolean).join(" · ")}</p>
      <div
        className="mx-auto mt-[2mm] w-[52mm] [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
        aria-label={labels.scan}
        role="img"
        dangerouslySetInnerHTML={{ __html: card.svg }}
      />
      <p className="mt-[1mm] text-center text-[4.2mm] font-semibold">{labels.scan}</p>
      <p className="break-all text-center font-mono text-[2.3mm] leading-tight text-stone-600" data-testid="card-url">
        {card.url}
      </p>
      <div className="mt-auto space-y-[0.5mm] border-t border-stone-300 pt-[1.5mm] text-[3.6mm]">
        <p>
          {labels.cadre}
          {card.cadreName ? (
            <>
              <b>{card.cadreName}</b> {card.cadrePhone}
            </>
          ) : (
            labels.noCadre
          )}
        </p>
        <p>
          {labels.hotline}
          <b>{card.hotline}</b>
        </p>
        <p className="text-[2.8mm] text-stone-600">{labels.keep}</p>
      </div>
    </article>
  );
}

/** Print rules for the cards: A6 pages, one card per page, nothing else printed. */
export function CardPrintStyle({ size }: { size: "A6" | "A5" }) {
  const w = size === "A6" ? 105 : 148;
  const h = size === "A6" ? 148 : 210;
  const m = size === "A6" ? 6 : 10;
  return (
    <style>{`
      .jz-card { width: ${w - 2 * m}mm; height: ${h - 2 * m - 1}mm; padding: 4mm; box-sizing: border-box; overflow: hidden; }
      @page { size: ${w}mm ${h}mm; margin: ${m}mm; } /* named A6 is not understood by every browser */
      @media screen { .jz-card { margin-bottom: 6mm; max-width: 100%; box-shadow: 0 1px 4px rgba(0,0,0,.15); } }
      @media print {
        html, body { background: #fff !important; min-height: 0 !important; }
        main#main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
        .jz-card { border: none; margin: 0; break-after: page; page-break-after: always; }
        .jz-card:last-child { break-after: auto; page-break-after: auto; }
      }
    `}</style>
  );
}
