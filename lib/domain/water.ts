/**
 * Indicator 6: safe drinking water — quantity, quality, convenience and supply
 * must all hold. Limits are inclusive (35 litres is enough, 20 minutes is
 * convenient, 36 days of outage is acceptable). Unknown distances (null) do not count.
 */
import { formatQuantity } from "./format";
import type { WaterInput } from "./household";
import { metResult, unmetResult, type IndicatorResult } from "./indicator";
import type { PolicyValues } from "./policy";

export type WaterPolicy = Pick<
  PolicyValues,
  | "waterLitresMin"
  | "waterLitresScarceMin"
  | "waterRoundTripMaxMinutes"
  | "waterHorizontalMaxMetres"
  | "waterVerticalMaxMetres"
  | "waterOutageMaxDays"
>;

export interface WaterNumbers {
  litresPerPersonDay: number;
  litresMin: number;
  quantityMet: boolean;
  qualityMet: boolean;
  convenienceMet: boolean;
  supplyMet: boolean;
  outageDaysPerYear: number;
  outageMaxDays: number;
}

export function waterLitresMin(water: Pick<WaterInput, "waterScarceArea">, p: WaterPolicy): number {
  return water.waterScarceArea ? p.waterLitresScarceMin : p.waterLitresMin;
}

export function waterQuantityMet(water: WaterInput, p: WaterPolicy): boolean {
  return water.litresPerPersonDay >= waterLitresMin(water, p);
}

function within(value: number | null, max: number): boolean {
  return value !== null && value <= max;
}

/**
 * Piped, or a measured round trip within the limit. The distances stand in for
 * the time only when no round trip was measured: a measured 30-minute trip fails
 * whatever the distance.
 */
export function waterConvenienceMet(water: WaterInput, p: WaterPolicy): boolean {
  if (water.piped) return true;
  if (water.roundTripMinutes !== null) return water.roundTripMinutes <= p.waterRoundTripMaxMinutes;
  return within(water.horizontalMetres, p.waterHorizontalMaxMetres) || within(water.verticalMetres, p.waterVerticalMaxMetres);
}

export function waterSupplyMet(water: WaterInput, p: WaterPolicy): boolean {
  return water.outageDaysPerYear <= p.waterOutageMaxDays;
}

function measured(water: WaterInput): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (water.roundTripMinutes !== null) {
    zh.push(`往返 ${formatQuantity(water.roundTripMinutes)} 分钟`);
    en.push(`${formatQuantity(water.roundTripMinutes)} minutes round trip`);
  }
  if (water.horizontalMetres !== null) {
    zh.push(`水平距离 ${formatQuantity(water.horizontalMetres)} 米`);
    en.push(`${formatQuantity(water.horizontalMetres)} m horizontal`);
  }
  if (water.verticalMetres !== null) {
    zh.push(`垂直距离 ${formatQuantity(water.verticalMetres)} 米`);
    en.push(`${formatQuantity(water.verticalMetres)} m vertical`);
  }
  return {
    zh: zh.length > 0 ? zh.join("，") : "无取水时间或距离记录",
    en: en.length > 0 ? en.join(", ") : "no time or distance recorded",
  };
}

export function waterIndicator(water: WaterInput, p: WaterPolicy): IndicatorResult<WaterNumbers> {
  const litresMin = waterLitresMin(water, p);
  const numbers: WaterNumbers = {
    litresPerPersonDay: water.litresPerPersonDay,
    litresMin,
    quantityMet: waterQuantityMet(water, p),
    qualityMet: water.qualitySafe,
    convenienceMet: waterConvenienceMet(water, p),
    supplyMet: waterSupplyMet(water, p),
    outageDaysPerYear: water.outageDaysPerYear,
    outageMaxDays: p.waterOutageMaxDays,
  };
  const L = formatQuantity(water.litresPerPersonDay);
  const Lmin = formatQuantity(litresMin);
  const area = water.waterScarceArea ? { zh: "缺水地区", en: "water-scarce area " } : { zh: "", en: "" };
  const O = formatQuantity(water.outageDaysPerYear);
  const Omax = formatQuantity(p.waterOutageMaxDays);
  const T = formatQuantity(p.waterRoundTripMaxMinutes);
  const H = formatQuantity(p.waterHorizontalMaxMetres);
  const V = formatQuantity(p.waterVerticalMaxMetres);

  if (numbers.quantityMet && numbers.qualityMet && numbers.convenienceMet && numbers.supplyMet) {
    const how = water.piped ? { zh: "自来水入户", en: "piped into the yard" } : measured(water);
    return metResult(
      {
        zh: `饮水安全：每人每日 ${L} 升（${area.zh}标准 ${Lmin} 升），水质安全，取水方便（${how.zh}），年断水 ${O} 天（上限 ${Omax} 天）`,
        en: `Safe water: ${L} litres per person per day (${area.en}minimum ${Lmin}), quality safe, convenient (${how.en}), ${O} days interrupted a year (maximum ${Omax})`,
      },
      numbers,
    );
  }

  const zh: string[] = [];
  const en: string[] = [];
  const fixZh: string[] = [];
  const fixEn: string[] = [];
  if (!numbers.quantityMet) {
    zh.push(`每人每日用水 ${L} 升，低于${area.zh}标准 ${Lmin} 升`);
    en.push(`${L} litres per person per day is below the ${area.en}minimum of ${Lmin}`);
    fixZh.push(`每人每日用水量须达到 ${Lmin} 升`);
    fixEn.push(`at least ${Lmin} litres per person per day`);
  }
  if (!numbers.qualityMet) {
    zh.push("水质未经检测或现场检查确认安全");
    en.push("water quality not found safe by a test or on-site check");
    fixZh.push("水质须经检测或现场检查确认安全");
    fixEn.push("water quality confirmed safe by a test or on-site check");
  }
  if (!numbers.convenienceMet) {
    const m = measured(water);
    zh.push(`取水不便：未入户，${m.zh}`);
    en.push(`fetching water is not convenient: not piped, ${m.en}`);
    fixZh.push(`自来水入户，或实测往返取水不超过 ${T} 分钟（未实测时间时：水平距离不超过 ${H} 米或垂直距离不超过 ${V} 米）`);
    fixEn.push(
      `water piped into the yard, or a measured round trip within ${T} minutes (only when no trip was measured: within ${H} m horizontal or ${V} m vertical)`,
    );
  }
  if (!numbers.supplyMet) {
    zh.push(`年断水 ${O} 天，超过 ${Omax} 天上限`);
    en.push(`supply interrupted ${O} days a year, more than the ${Omax}-day maximum`);
    fixZh.push(`年断水不超过 ${Omax} 天`);
    fixEn.push(`supply interrupted no more than ${Omax} days a year`);
  }
  const reasonEn = en.join("; ");
  return unmetResult(
    { zh: `饮水不安全：${zh.join("；")}`, en: `Unsafe water: ${reasonEn}` },
    { zh: `须做到：${fixZh.join("；")}`, en: `Needed: ${fixEn.join("; ")}` },
    numbers,
  );
}
